// Front-end speed: cc-ts against gcc (and tcc where it applies) on the SQLite amalgamation, measured in
// one run. Prints wall time and CPU time (user + system; medians of N runs) and peak memory for each,
// and the ratios; also the start-up cost (-fsyntax-only of an empty file). On a shared machine the CPU
// time is the steadier figure: cc-ts's CPU time includes V8's compiler and GC threads.
//
//   node dist/bench/frontend.js [--runs 3] [--file /var/cache/cc-ts-corpus/sqlite3/sqlite3.c]
//                               [--cc PATH/bin/cc-ts]   (default: the checkout's bin/cc-ts;
//                                                        CC_TS_ROOT names the checkout)

import { spawnSync } from 'child_process';
import { bench as benchCmd, Measure } from './measure';
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
const root = process.env.CC_TS_ROOT ? path.resolve(process.env.CC_TS_ROOT) : path.resolve(__dirname, '../..');
const ccts = path.resolve(opt('--cc', path.join(root, 'bin/cc-ts')));

const bench = (label: string, cmd: string[]): Measure => benchCmd(label, cmd, runs, 34, { ...process.env, CC_TS_ROOT: root });

function ratio(label: string, c: Measure, g: Measure): void {
  // /usr/bin/time counts in hundredths: gcc's start-up can measure 0
  const x = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}x` : `${a.toFixed(2)} s vs <0.01 s,`);
  console.log(`ratio ${label.padEnd(14)} ${x(c.seconds, g.seconds)} gcc time, ${x(c.cpu, g.cpu)} gcc CPU time, ${x(c.kb, g.kb)} gcc memory`);
}

function haveTool(name: string): boolean {
  return spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0;
}

function main(): void {
  if (!fs.existsSync(file)) {
    console.error(`bench: ${file} not found (run tests/corpus/fetch.sh)`);
    process.exitCode = 1;
    return;
  }
  console.log(`front end on ${path.basename(file)} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB), median of ${runs}; cc-ts = ${ccts}`);
  const node = process.execPath;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-bench-'));
  const empty = path.join(tmp, 'empty.c');
  fs.writeFileSync(empty, '');
  // -E writes a real file: older cc-ts builds replaced the output by renaming, which must never hit /dev/null
  const outI = path.join(tmp, 'out.i');
  const gU = bench('gcc -fsyntax-only (empty file)', ['gcc', '-fsyntax-only', empty]);
  const cU = bench('cc-ts -fsyntax-only (empty file)', [node, ccts, '-fsyntax-only', empty]);
  const gE = bench('gcc -E', ['gcc', '-E', file, '-o', outI]);
  const cE = bench('cc-ts -E', [node, ccts, '-E', file, '-o', outI]);
  const gS = bench('gcc -fsyntax-only', ['gcc', '-fsyntax-only', file]);
  if (haveTool('tcc')) bench('tcc -E (for reference)', ['tcc', '-E', file, '-o', outI]);
  const cS = bench('cc-ts -fsyntax-only', [node, ccts, '-fsyntax-only', file]);
  ratio('start-up:', cU, gU);
  ratio('-E:', cE, gE);
  ratio('-fsyntax-only:', cS, gS);
  fs.rmSync(tmp, { recursive: true, force: true });
}

main();
