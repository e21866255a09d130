// Compile speed: `-c sqlite3.c` at -O0 by cc-ts against gcc -O0 and tcc, measured in one run under
// /usr/bin/time (wall seconds, user+system CPU seconds and peak RSS). The compilers take turns, run
// after run, so that a machine getting slower or faster touches all of them alike. Prints each
// figure (median of --runs, peak of the peaks) and the ratios against gcc -O0 and tcc. cc-ts runs as
// `node bin/cc-ts` with an empty PATH.
//
//   node dist/bench/compile.js [--runs 3] [--file $CC_TS_CORPUS/sqlite3/sqlite3.c] [--level 0]
//   (CC_TS_ROOT names the checkout whose bin/cc-ts is measured; default: the one this file is built in)

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const root = process.env.CC_TS_ROOT ? path.resolve(process.env.CC_TS_ROOT) : path.resolve(__dirname, '../..');
const corpus = process.env.CC_TS_CORPUS ?? '/var/cache/cc-ts-corpus';
const file = opt('--file', path.join(corpus, 'sqlite3/sqlite3.c'));
const runs = Number(opt('--runs', '3'));
const level = opt('--level', '0');
const FLAGS = ['-DSQLITE_THREADSAFE=0', '-DSQLITE_OMIT_LOAD_EXTENSION', '-w', `-I${path.dirname(file)}`];

interface Measure { seconds: number; cpu: number; kb: number; ok: boolean; why: string }

/** One run under /usr/bin/time -f '%e %U %S %M': wall seconds, CPU seconds and peak RSS in KiB. */
function measureOnce(cmd: string[], env: NodeJS.ProcessEnv): Measure {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...cmd], { encoding: 'utf8', env, maxBuffer: 1 << 30 });
  const lines = r.stderr.trim().split('\n');
  const [s, u, sys, kb] = (lines.pop() ?? '').split(' ').map(Number);
  return { seconds: s, cpu: u + sys, kb, ok: r.status === 0, why: r.status === 0 ? '' : lines.find((l) => /error/.test(l)) ?? lines[0] ?? `exit ${r.status}` };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Each command `runs` times, taking turns; the median wall and CPU time and the peak memory of each. */
function measureAll(cmds: { label: string; cmd: string[]; env: NodeJS.ProcessEnv }[]): Measure[] {
  const all: Measure[][] = cmds.map(() => []);
  for (let i = 0; i < runs; i++) cmds.forEach((c, k) => all[k].push(measureOnce(c.cmd, c.env)));
  return cmds.map((c, k) => {
    const ms = all[k];
    const m = {
      seconds: median(ms.map((x) => x.seconds)), cpu: median(ms.map((x) => x.cpu)), kb: Math.max(...ms.map((x) => x.kb)),
      ok: ms.every((x) => x.ok), why: ms.find((x) => !x.ok)?.why ?? '',
    };
    console.log(`${c.label.padEnd(22)} ${m.seconds.toFixed(2).padStart(8)} s ${m.cpu.toFixed(2).padStart(8)} s CPU ${(m.kb / 1024).toFixed(0).padStart(7)} MiB${m.ok ? '' : `  FAILED: ${m.why}`}`);
    return m;
  });
}

function main(): void {
  if (!fs.existsSync(file)) { console.error(`bench: ${file} not found (run tests/corpus/fetch.sh)`); process.exitCode = 1; return; }
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-bench-compile-'));
  const obj = (n: string): string => path.join(out, `${n}.o`);
  console.log(`compile -c ${path.basename(file)} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB) at -O${level}; ${runs} run(s) each; ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`);
  try {
    const [cc, gcc, tcc] = measureAll([
      { label: `cc-ts -O${level}`, cmd: [process.execPath, path.join(root, 'bin/cc-ts'), `-O${level}`, ...FLAGS, '-c', file, '-o', obj('cc')],
        env: { ...process.env, PATH: '', CC_TS_ROOT: root } },
      { label: `gcc -O${level}`, cmd: ['gcc', `-O${level}`, ...FLAGS, '-c', file, '-o', obj('gcc')], env: process.env },
      { label: 'tcc', cmd: ['tcc', ...FLAGS, '-c', file, '-o', obj('tcc')], env: process.env },
    ]);
    const ratio = (a: Measure, b: Measure, name: string): void => {
      if (a.ok && b.ok) {
        console.log(`cc-ts / ${name.padEnd(10)} ${(a.seconds / b.seconds).toFixed(2).padStart(7)}x time  ${(a.cpu / b.cpu).toFixed(2).padStart(7)}x CPU  ${(a.kb / b.kb).toFixed(2).padStart(7)}x memory`);
      }
    };
    ratio(cc, gcc, `gcc -O${level}`);
    ratio(cc, tcc, 'tcc');
    if (cc.ok) console.log(`target for issue 3: at most 1.0x gcc -O0's time (${(cc.seconds / gcc.seconds).toFixed(2)}x) and under 1 GB (${(cc.kb / 1024).toFixed(0)} MiB)`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

main();
