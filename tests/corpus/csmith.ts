// Csmith: N random programs with fixed seeds, built by gcc -O0 and by cc-ts -O0 and -O2, checksums
// compared. cc-ts runs in process (worker threads) with an empty PATH; every program runs with a time
// limit, and time-outs are counted separately from mismatches.
//
//   node dist/tests/corpus/csmith.js [--count 1000] [--start 1] [--levels 0,2] [--jobs 2]
//                                    [--timeout 10] [--csmith-args "--max-funcs 8"]
//
// Prints per level: matches / mismatches (wrong checksum) / crashes of the program / cc-ts build
// failures / time-outs, then the seeds of everything that is not a match.

import * as fs from 'fs';
import { argOpt, bucket, defaultJobs, tmpDir } from '../apps/common';
import { DEFAULT_CSMITH_ARGS, runSeeds } from '../apps/csmith-run';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const count = Number(argOpt(args, '--count', '1000'));
  const start = Number(argOpt(args, '--start', '1'));
  const levels = argOpt(args, '--levels', '0,2').split(',');
  const jobs = Number(argOpt(args, '--jobs', String(defaultJobs())));
  const timeoutMs = 1000 * Number(argOpt(args, '--timeout', '10'));
  const csArgs = args.includes('--csmith-args') ? argOpt(args, '--csmith-args', '').split(/\s+/).filter(Boolean) : DEFAULT_CSMITH_ARGS;
  const seeds = Array.from({ length: count }, (_, i) => start + i);
  const work = tmpDir('cc-ts-csmith-');
  const t0 = Date.now();
  try {
    const { results, unusable } = await runSeeds(seeds, levels, { jobs, timeoutMs, csmithArgs: csArgs, work, progress: (s) => process.stderr.write(s + '\n') });
    console.log(`csmith ${csArgs.join(' ')}; seeds ${start}..${start + count - 1}; ${unusable.length} unusable (gcc failed to build it, or its gcc -O0 program failed or did not finish in time): ${unusable.map((u) => u.seed).join(' ')}`);
    let bad = 0;
    for (const lv of levels) {
      const rs = results.filter((r) => r.level === lv);
      const n = (v: string): number => rs.filter((r) => r.verdict === v).length;
      console.log(`cc-ts -O${lv}: ${n('match')}/${rs.length} match gcc -O0; ${n('mismatch')} mismatches, ${n('crash')} crashes, ` +
        `${n('build-fail')} build failures, ${n('timeout')} time-outs`);
      for (const v of ['mismatch', 'crash', 'build-fail', 'timeout']) {
        const s = rs.filter((r) => r.verdict === v);
        if (s.length) console.log(`  ${v} seeds: ${s.map((r) => r.seed).join(' ')}`);
      }
      const fails = rs.filter((r) => r.verdict === 'build-fail').map((r) => r.detail);
      for (const [k, c] of bucket(fails).slice(0, 10)) console.log(`    ${String(c).padStart(4)} × ${k}`);
      if (args.includes('--list')) for (const r of rs) if (r.verdict !== 'match') console.log(`  -O${lv} seed ${r.seed} ${r.verdict}: ${r.detail}`);
      bad += n('mismatch') + n('crash') + n('build-fail');
    }
    console.log(`time ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    process.exitCode = bad ? 1 : 0;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

void main();
