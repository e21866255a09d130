// Worker thread for pool.ts: loads the driver once, then for each message writes the input file
// (if given), calls driverMain(argv) with process.stdout/stderr captured, and replies with the
// status, the output and any exception that escaped.
//
// The write hooks are installed before the driver is loaded, so code that keeps a reference to
// process.stderr.write is captured as well.

import * as fs from 'fs';
import { parentPort, workerData } from 'worker_threads';

type DriverMain = (argv: string[]) => number;

let capturing = false;
let errBuf = '';
let outBuf = '';

function hook(stream: NodeJS.WriteStream, append: (s: string) => void): void {
  const original = stream.write.bind(stream);
  stream.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
    if (!capturing) return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    append(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    if (cb) cb();
    return true;
  }) as typeof stream.write;
}
hook(process.stderr, (s) => { errBuf += s; });
hook(process.stdout, (s) => { outBuf += s; });

let driverMain: DriverMain | null = null;
let loadError: string | null = null;
try {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const mod = require((workerData as { driverPath: string }).driverPath) as { driverMain?: DriverMain };
  if (typeof mod.driverMain !== 'function') loadError = 'the driver module does not export driverMain';
  else driverMain = mod.driverMain;
} catch (e) {
  loadError = `cannot load the driver: ${(e as Error).message}`;
}

interface Request { argv: string[]; write: { file: string; source: string } | null }

parentPort!.on('message', (req: Request) => {
  if (req.write) fs.writeFileSync(req.write.file, req.write.source, 'latin1');
  if (!driverMain) {
    parentPort!.postMessage({ status: null, stderr: '', stdout: '', exception: null, loadError, ms: 0 });
    return;
  }
  errBuf = '';
  outBuf = '';
  let status: number | null = null;
  let exception: string | null = null;
  const t0 = performance.now();
  capturing = true;
  try {
    status = driverMain(req.argv);
  } catch (e) {
    exception = e instanceof Error ? String(e.stack ?? e.message) : String(e);
  } finally {
    capturing = false;
  }
  const ms = performance.now() - t0;
  parentPort!.postMessage({ status, stderr: errBuf, stdout: outBuf, exception, loadError: null, ms });
});
