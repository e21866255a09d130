// The SQLite shell built by cc-ts alone (at -O0 and -O2) against a gcc -O2 build of the same
// amalgamation: every workload file in tests/apps/sql/ must give byte-identical output, error output
// and exit status. Then speedtest1 (test/speedtest1.c) built by cc-ts runs to completion; its test
// names and --verify results are compared with gcc's (timings stripped) and the time is printed.
//
//   node dist/tests/corpus/sqlite.js [--levels 0,2] [--size 10] [--no-speedtest] [--keep]

import * as fs from 'fs';
import * as path from 'path';
import { argOpt, firstDifference, outcome, reportBuild, tmpDir } from '../apps/common';
import { buildShell, buildSpeedtest, runSpeedtest, runSql, sqlFiles } from '../apps/sqlite-build';

/** speedtest1's report without its timings: what must be equal between builds. */
export function speedtestShape(out: string): string {
  return out.split('\n').map((l) => l.replace(/\s+\d+\.\d+s\s*$/, '')).filter((l) => !/^\s*TOTAL/.test(l)).join('\n');
}

function seconds(out: string): string {
  return /TOTAL\.*\s+(\d+\.\d+)s/.exec(out)?.[1] ?? '?';
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const levels = argOpt(args, '--levels', '0,2').split(',');
  const size = Number(argOpt(args, '--size', '10'));
  const work = tmpDir('cc-ts-sqlite-');
  const files = sqlFiles();
  let exitCode = 0;
  try {
    const gcc = await buildShell('gcc', '2', path.join(work, 'gcc'));
    reportBuild('gcc -O2 shell', gcc);
    if (!gcc.ok) throw new Error('the gcc build of the SQLite shell failed: nothing to compare against');
    const expected: string[] = [];
    for (const f of files) expected.push(outcome(await runSql(gcc.exe, f)));
    let gccSpeed = '';
    const speedtest = !args.includes('--no-speedtest');
    if (speedtest) {
      const gs = await buildSpeedtest('gcc', '2', path.join(work, 'gcc-speed'));
      reportBuild('gcc -O2 speedtest1', gs);
      if (gs.ok) {
        const r = await runSpeedtest(gs.exe, size);
        gccSpeed = r.stdout;
        console.log(`gcc -O2 speedtest1 --size ${size}: ${r.status === 0 ? 'completed' : 'FAILED'}, TOTAL ${seconds(r.stdout)} s`);
      }
    }
    for (const lv of levels) {
      const b = await buildShell('cc-ts', lv, path.join(work, `O${lv}`), console.log);
      reportBuild(`cc-ts -O${lv} shell`, b);
      if (!b.ok) { console.log(`cc-ts -O${lv}: 0/${files.length} workload files identical to gcc -O2 (build failed)`); exitCode = 1; continue; }
      let same = 0;
      for (let i = 0; i < files.length; i++) {
        const r = await runSql(b.exe, files[i]);
        const got = outcome(r);
        if (got === expected[i]) same++;
        else console.log(`  -O${lv} ${files[i]}: DIFFERS (${r.timedOut ? 'timed out' : r.signal ?? 'exit ' + r.status}) ${firstDifference(expected[i], got)}`);
      }
      console.log(`cc-ts -O${lv}: ${same}/${files.length} workload files identical to gcc -O2`);
      if (same !== files.length) exitCode = 1;
      if (!speedtest) continue;
      const s = await buildSpeedtest('cc-ts', lv, path.join(work, `O${lv}-speed`), console.log);
      reportBuild(`cc-ts -O${lv} speedtest1`, s);
      if (!s.ok) { exitCode = 1; continue; }
      const r = await runSpeedtest(s.exe, size);
      const done = r.status === 0 && /TOTAL/.test(r.stdout);
      const sameShape = gccSpeed !== '' && speedtestShape(r.stdout) === speedtestShape(gccSpeed);
      console.log(`cc-ts -O${lv} speedtest1 --size ${size}: ${done ? 'completed' : `FAILED (${r.timedOut ? 'timed out' : r.signal ?? 'exit ' + r.status})`}, ` +
        `TOTAL ${seconds(r.stdout)} s; report ${sameShape ? 'identical to' : 'DIFFERS from'} gcc's (timings aside)`);
      if (!sameShape && gccSpeed) console.log(`  ${firstDifference(speedtestShape(gccSpeed), speedtestShape(r.stdout))}`);
      if (!done || !sameShape) exitCode = 1;
    }
  } finally {
    if (args.includes('--keep')) console.log(`builds kept in ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
  process.exitCode = exitCode;
}

if (require.main === module) void main();
