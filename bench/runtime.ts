// Speed of generated code: a Lua benchmark (the interpreter running tests/apps/lua-scripts' benchmark
// scripts) and SQLite's speedtest1, each built by cc-ts -O2 against gcc -O0, gcc -O2 and tcc builds
// of the same sources, all built and measured in one run. Prints each build's run time (best of
// --runs) and the ratios cc-ts / other (below 1.0 means cc-ts's code is faster).
//
//   node dist/bench/runtime.js [--runs 3] [--size 50] [--no-lua] [--no-sqlite] [--keep]
//   (CC_TS_ROOT names the checkout whose bin/cc-ts is measured; default: the one this file is built in)

import * as fs from 'fs';
import * as path from 'path';
import { argOpt, reportBuild, Ran, run, tmpDir } from '../tests/apps/common';
import { buildLua, scriptsDir } from '../tests/apps/lua-build';
import { buildSpeedtest, runSpeedtest } from '../tests/apps/sqlite-build';

type Compiler = 'cc-ts' | 'gcc' | 'tcc';
const BUILDS: [label: string, compiler: Compiler, level: string][] = [['cc-ts -O2', 'cc-ts', '2'], ['gcc -O0', 'gcc', '0'], ['gcc -O2', 'gcc', '2'], ['tcc', 'tcc', '0']];
/** The Lua workload: benchmark scripts with their arguments. */
const LUA_BENCH: [string, string[]][] = [['bench_fib.lua', ['32']], ['bench_string.lua', []], ['bench_table.lua', []], ['nbody.lua', []]];

async function best(runs: number, once: () => Promise<Ran>): Promise<{ ms: number; ok: boolean }> {
  let ms = Infinity;
  let ok = true;
  for (let i = 0; i < runs; i++) {
    const r = await once();
    if (r.status !== 0) ok = false;
    ms = Math.min(ms, r.ms);
  }
  return { ms, ok };
}

function table(title: string, rows: [string, number, boolean][]): void {
  console.log(title);
  const cc = rows.find((r) => r[0] === 'cc-ts -O2');
  for (const [label, ms, ok] of rows) {
    const ratio = cc && cc[2] && ok && label !== 'cc-ts -O2' ? `   cc-ts / ${label}: ${(cc[1] / ms).toFixed(2)}x` : '';
    console.log(`  ${label.padEnd(10)} ${Number.isFinite(ms) ? (ms / 1000).toFixed(3).padStart(8) + ' s' : '     n/a'}${ok ? '' : '  FAILED'}${ratio}`);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runs = Number(argOpt(args, '--runs', '3'));
  const size = Number(argOpt(args, '--size', '50'));
  const work = tmpDir('cc-ts-bench-runtime-');
  try {
    if (!args.includes('--no-lua')) {
      const rows: [string, number, boolean][] = [];
      for (const [label, compiler, level] of BUILDS) {
        const b = await buildLua(compiler, level, path.join(work, `lua-${compiler}-${level}`), console.log);
        if (!b.ok) { reportBuild(`Lua ${label}`, b); rows.push([label, Infinity, false]); continue; }
        let total = 0;
        let ok = true;
        for (const [script, sargs] of LUA_BENCH) {
          const r = await best(runs, () => run(b.exe, [script, ...sargs], { cwd: scriptsDir, env: { ...process.env, TZ: 'UTC' }, timeoutMs: 300000 }));
          total += r.ms;
          ok = ok && r.ok;
        }
        rows.push([label, total, ok]);
      }
      table(`Lua 5.4: ${LUA_BENCH.map(([s, a]) => [s, ...a].join(' ')).join(', ')} (sum of best of ${runs})`, rows);
    }
    if (!args.includes('--no-sqlite')) {
      const rows: [string, number, boolean][] = [];
      for (const [label, compiler, level] of BUILDS) {
        const b = await buildSpeedtest(compiler, level, path.join(work, `st-${compiler}-${level}`), console.log);
        if (!b.ok) { reportBuild(`speedtest1 ${label}`, b); rows.push([label, Infinity, false]); continue; }
        const r = await best(runs, () => runSpeedtest(b.exe, size));
        rows.push([label, r.ms, r.ok]);
      }
      table(`SQLite speedtest1 --size ${size} --memdb (best of ${runs})`, rows);
    }
  } finally {
    if (args.includes('--keep')) console.log(`builds kept in ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

void main();
