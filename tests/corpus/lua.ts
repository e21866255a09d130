// Lua 5.4 built by cc-ts alone (at -O0 and -O2) against a gcc -O2 build of the same sources: every
// script in tests/apps/lua-scripts/ must give byte-identical output, error output and exit status.
//
//   node dist/tests/corpus/lua.js [--levels 0,2] [--filter STR] [--keep] [--jobs 2]
//
// Prints each build's time (or its errors, bucketed), then one line per script that differs and a
// summary per level: "cc-ts -O2: 18/18 scripts identical to gcc -O2".

import * as fs from 'fs';
import * as path from 'path';
import { argOpt, firstDifference, parallel, reportBuild, tmpDir } from '../apps/common';
import { buildLua, luaScripts, outcome, runScript } from '../apps/lua-build';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const levels = argOpt(args, '--levels', '0,2').split(',');
  const filter = argOpt(args, '--filter', '');
  const work = tmpDir('cc-ts-lua-');
  const scripts = luaScripts().filter((s) => s.includes(filter));
  let exitCode = 0;
  try {
    const gcc = await buildLua('gcc', '2', path.join(work, 'gcc'));
    reportBuild('gcc -O2', gcc);
    if (!gcc.ok) throw new Error('the gcc build of Lua failed: nothing to compare against');
    const expected = await parallel(scripts, 2, async (s) => outcome(await runScript(gcc.exe, s)));
    for (const lv of levels) {
      const b = await buildLua('cc-ts', lv, path.join(work, `O${lv}`), console.log);
      reportBuild(`cc-ts -O${lv}`, b);
      if (!b.ok) { console.log(`cc-ts -O${lv}: 0/${scripts.length} scripts identical to gcc -O2 (build failed)`); exitCode = 1; continue; }
      let same = 0;
      await parallel(scripts, 2, async (s, i) => {
        const r = await runScript(b.exe, s);
        const got = outcome(r);
        if (got === expected[i]) same++;
        else console.log(`  -O${lv} ${s}: DIFFERS (${r.timedOut ? 'timed out' : r.signal ?? 'exit ' + r.status}; ${(r.ms / 1000).toFixed(1)} s) ${firstDifference(expected[i], got)}`);
      });
      console.log(`cc-ts -O${lv}: ${same}/${scripts.length} scripts identical to gcc -O2`);
      if (same !== scripts.length) exitCode = 1;
    }
  } finally {
    if (args.includes('--keep')) console.log(`builds kept in ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
  process.exitCode = exitCode;
}

void main();
