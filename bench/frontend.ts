// Front-end speed: cc-ts against gcc (and tcc where it applies) on the SQLite amalgamation, measured in
// one run. Prints wall time (median of N runs) and peak memory for each, and the ratios.
//
//   node dist/bench/frontend.js [--runs 3] [--file /var/cache/cc-ts-corpus/sqlite3/sqlite3.c]

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const runs = Number(opt('--runs', '3'));
const corpus = process.env.CC_TS_CORPUS ?? '/var/cache/cc-ts-corpus';
const file = opt('--file', path.join(corpus, 'sqlite3/sqlite3.c'));
const root = path.resolve(__dirname, '../..');
const ccts = path.join(root, 'bin/cc-ts');

interface Measure { seconds: number; kb: number; ok: boolean }

/** Run a command under /usr/bin/time; returns wall seconds and peak RSS in KiB. */
function measure(cmd: string[]): Measure {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...cmd], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [s, kb] = last.split(' ').map(Number);
  return { seconds: s, kb, ok: r.status === 0 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function bench(label: string, cmd: string[]): Measure {
  const ms: Measure[] = [];
  for (let i = 0; i < runs; i++) ms.push(measure(cmd));
  const m = { seconds: median(ms.map((x) => x.seconds)), kb: Math.max(...ms.map((x) => x.kb)), ok: ms.every((x) => x.ok) };
  console.log(`${label.padEnd(34)} ${m.seconds.toFixed(2).padStart(6)} s  ${(m.kb / 1024).toFixed(0).padStart(5)} MiB${m.ok ? '' : '  (FAILED)'}`);
  return m;
}

function main(): void {
  if (!fs.existsSync(file)) {
    console.error(`bench: ${file} not found (run tests/corpus/fetch.sh)`);
    process.exitCode = 1;
    return;
  }
  console.log(`front end on ${path.basename(file)} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB), median of ${runs}`);
  const node = process.execPath;
  const gE = bench('gcc -E', ['gcc', '-E', file, '-o', '/dev/null']);
  const cE = bench('cc-ts -E', [node, ccts, '-E', file, '-o', '/dev/null']);
  const gS = bench('gcc -fsyntax-only', ['gcc', '-fsyntax-only', file]);
  const cS = bench('cc-ts -fsyntax-only', [node, ccts, '-fsyntax-only', file]);
  console.log(`ratio -E:            ${(cE.seconds / gE.seconds).toFixed(2)}x gcc time, ${(cE.kb / gE.kb).toFixed(2)}x gcc memory`);
  console.log(`ratio -fsyntax-only: ${(cS.seconds / gS.seconds).toFixed(2)}x gcc time, ${(cS.kb / gS.kb).toFixed(2)}x gcc memory`);
}

main();
