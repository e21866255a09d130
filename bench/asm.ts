// Assembler speed: `cc-ts as` against GNU as on gcc's -S -O0 output of the SQLite amalgamation
// (generated once and cached), measured in one run. Prints wall time (median of N runs) and peak RSS
// of each (/usr/bin/time -f '%e %M'), the ratios, and whether the two objects disassemble alike.
//
//   node dist/bench/asm.js [--runs 3] [--file /var/cache/cc-ts-corpus/sqlite3/sqlite3.c]

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const runs = Number(opt('--runs', '3'));
const corpus = process.env.CC_TS_CORPUS ?? '/var/cache/cc-ts-corpus';
const file = opt('--file', path.join(corpus, 'sqlite3/sqlite3.c'));

interface Measure { seconds: number; kb: number; ok: boolean }

function measure(cmd: string[]): Measure {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...cmd], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [s, kb] = last.split(' ').map(Number);
  if (r.status !== 0) process.stderr.write(r.stderr.slice(0, 2000));
  return { seconds: s, kb, ok: r.status === 0 };
}

function bench(label: string, cmd: string[]): Measure {
  const ms: Measure[] = [];
  for (let i = 0; i < runs; i++) ms.push(measure(cmd));
  const sorted = ms.map((x) => x.seconds).sort((a, b) => a - b);
  const m = { seconds: sorted[sorted.length >> 1], kb: Math.max(...ms.map((x) => x.kb)), ok: ms.every((x) => x.ok) };
  console.log(`${label.padEnd(20)} ${m.seconds.toFixed(2).padStart(6)} s  ${(m.kb / 1024).toFixed(0).padStart(5)} MiB${m.ok ? '' : '  (FAILED)'}`);
  return m;
}

/** gcc -S -O0 of `file`, cached next to the torture assembly cache. */
function gccAsm(): string | null {
  const out = path.join(corpus, 'asm-cache', `${path.basename(file, '.c')}-O0.s`);
  if (fs.existsSync(out)) return out;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const r = spawnSync('gcc', ['-S', '-O0', '-w', '-o', out, file], { stdio: 'inherit' });
  return r.status === 0 ? out : null;
}

function main(): void {
  if (!fs.existsSync(file)) {
    console.error(`bench: ${file} not found (run tests/corpus/fetch.sh)`);
    process.exitCode = 1;
    return;
  }
  const s = gccAsm();
  if (!s) { console.error('bench: gcc -S failed'); process.exitCode = 1; return; }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-bench-asm-'));
  const gObj = path.join(tmp, 'gnu.o');
  const cObj = path.join(tmp, 'ccts.o');
  // The assembler in process of this build: the same code `cc-ts as` runs.
  const asMain = path.resolve(__dirname, '../asm/index.js');
  const script = `process.exitCode = require(${JSON.stringify(asMain)}).asCommand(process.argv.slice(1))`;
  console.log(`assembler on ${path.basename(s)} (${(fs.statSync(s).size / 1e6).toFixed(1)} MB), median of ${runs}`);
  const g = bench('GNU as', ['as', '--64', '-o', gObj, s]);
  const c = bench('cc-ts as', [process.execPath, '-e', script, '--', '--64', '-o', cObj, s]);
  console.log(`ratio: ${(c.seconds / g.seconds).toFixed(2)}x GNU as time, ${(c.kb / g.kb).toFixed(2)}x GNU as memory`);
  if (g.ok && c.ok) {
    const dump = (o: string) => spawnSync('objdump', ['-dr', o], { encoding: 'latin1', maxBuffer: 1 << 30 }).stdout.split(o).join('OBJ');
    console.log(`objects ${dump(gObj) === dump(cObj) ? 'disassemble identically' : 'DIFFER (objdump -dr)'}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

main();
