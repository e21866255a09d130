// A pool of worker threads that run the cc-ts driver in process, for the negative tests
// (tests/errors) and the front-end fuzzer (tests/fuzz, tests/corpus/fuzz-frontend.ts).
//
// Each job is one call of driverMain(argv) in a worker (see frontend-worker.ts), with stdout and
// stderr captured. The pool classifies the outcome:
//   - crash: an exception escaped driverMain, the output mentions "internal compiler error", the
//     status is neither 0 nor 1, or the worker died (out of memory, process.exit, load failure);
//   - hang: no answer within timeoutMs; the worker is terminated (which stops even a tight loop)
//     and replaced by a fresh one.
// After a crash the worker is replaced too, so that state left behind cannot spoil later jobs.
//
// Workers run with a 1 MB stack (about what the main thread of `node bin/cc-ts` gets), so deep
// recursion in the front end shows up here as it would on the command line.

import * as path from 'path';
import { Worker } from 'worker_threads';

export interface RunResult {
  /** driverMain's return value, or null if it did not return. */
  status: number | null;
  stderr: string;
  stdout: string;
  /** Why this run counts as a crash (null if it does not). */
  crash: string | null;
  /** True if the driver module itself could not be loaded (then crash says why). */
  loadFailure: boolean;
  /** True if the run exceeded the time limit and was killed. */
  hang: boolean;
  /** Wall time of the driverMain call (or until the kill), in milliseconds. */
  ms: number;
}

export interface PoolOptions {
  /** Number of workers (default 1). */
  size?: number;
  /** Per-job time limit in milliseconds (default 5000). */
  timeoutMs?: number;
  /** Compiled driver module exporting driverMain (default: $CC_TS_DRIVER, else ../../src/driver/main
   *  next to this file). CC_TS_DRIVER lets the harness be checked against a stand-in driver. */
  driverPath?: string;
  /** Worker heap limit in MB (default 1536). */
  heapMb?: number;
}

interface Job {
  argv: string[];
  write: { file: string; source: string } | null;
  resolve: (r: RunResult) => void;
}

interface Reply { status: number | null; stderr: string; stdout: string; exception: string | null; loadError: string | null; ms: number }

class Slot {
  worker: Worker | null = null;
  busy = false;
}

export class FrontendPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly timeoutMs: number;
  private readonly driverPath: string;
  private readonly heapMb: number;
  private closed = false;

  constructor(opts: PoolOptions = {}) {
    this.timeoutMs = opts.timeoutMs ?? 5000;
    this.driverPath = opts.driverPath ?? process.env.CC_TS_DRIVER ?? path.resolve(__dirname, '../../src/driver/main.js');
    this.heapMb = opts.heapMb ?? 1536;
    const n = Math.max(1, opts.size ?? 1);
    for (let i = 0; i < n; i++) this.slots.push(new Slot());
  }

  /** Runs driverMain(argv), after writing `write.source` to `write.file` (latin1, byte for byte). */
  run(argv: string[], write: { file: string; source: string } | null = null): Promise<RunResult> {
    if (this.closed) return Promise.reject(new Error('FrontendPool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ argv, write, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => (s.worker ? s.worker.terminate() : Promise.resolve(0))));
    for (const s of this.slots) s.worker = null;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      this.start(slot, job);
    }
  }

  private spawn(): Worker {
    const w = new Worker(path.join(__dirname, 'frontend-worker.js'), {
      workerData: { driverPath: this.driverPath },
      resourceLimits: { stackSizeMb: 1, maxOldGenerationSizeMb: this.heapMb },
      stdout: true, stderr: true, // the worker's own stray output is not ours to print
    });
    w.stdout.resume();
    w.stderr.resume();
    w.unref();
    return w;
  }

  private start(slot: Slot, job: Job): void {
    slot.busy = true;
    if (!slot.worker) slot.worker = this.spawn();
    const w = slot.worker;
    const t0 = Date.now();
    let done = false;
    const finish = (r: RunResult, recycle: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      w.removeListener('message', onMessage);
      w.removeListener('error', onError);
      w.removeListener('exit', onExit);
      if (recycle) {
        slot.worker = null;
        void w.terminate();
      }
      slot.busy = false;
      job.resolve(r);
      this.pump();
    };
    const onMessage = (m: Reply): void => {
      const crash = classify(m);
      // a driver that cannot be loaded will not load in a fresh worker either: keep this one
      finish({ status: m.status, stderr: m.stderr, stdout: m.stdout, crash, loadFailure: m.loadError !== null, hang: false, ms: m.ms }, crash !== null && m.loadError === null);
    };
    const onError = (e: Error): void => {
      const why = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out of memory' : `worker error: ${e && e.stack ? e.stack : String(e)}`;
      finish({ status: null, stderr: '', stdout: '', crash: why, loadFailure: false, hang: false, ms: Date.now() - t0 }, true);
    };
    const onExit = (code: number): void => {
      finish({ status: null, stderr: '', stdout: '', crash: `worker exited (code ${code}) during the run`, loadFailure: false, hang: false, ms: Date.now() - t0 }, true);
    };
    const timer = setTimeout(() => {
      finish({ status: null, stderr: '', stdout: '', crash: null, loadFailure: false, hang: true, ms: Date.now() - t0 }, true);
    }, this.timeoutMs);
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.postMessage({ argv: job.argv, write: job.write });
  }
}

function classify(m: Reply): string | null {
  if (m.loadError !== null) return m.loadError;
  if (m.exception !== null) return `exception escaped driverMain: ${m.exception}`;
  if (/internal compiler error/i.test(m.stderr)) return 'internal compiler error reported';
  if (m.status !== 0 && m.status !== 1) return `exit status ${m.status}`;
  return null;
}

/** The first "file:LINE[:COL]: error:" (or fatal error) line of a diagnostic output. */
export interface FirstError { file: string; line: number; col: number | null; text: string }

export function firstError(output: string): FirstError | null {
  for (const l of output.split('\n')) {
    const m = /^(.+?):(\d+)(?::(\d+))?: (?:fatal )?error: (.*)$/.exec(l);
    if (m) return { file: m[1], line: Number(m[2]), col: m[3] ? Number(m[3]) : null, text: m[4] };
  }
  return null;
}
