// gcc -E of SQLite's amalgamation and of Lua 5.4's sources gives the same token sequence as cc-ts,
// for each 64-bit target. The corpus comes from tests/corpus/fetch.sh (Debian source packages).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as path from 'path';
import { runPP, gccE, haveTool, GCC, tokenSpellings, firstDiff } from './util';
import { Arch } from '../../targets/layout';

const CORPUS = process.env.CC_TS_CORPUS ?? '/var/cache/cc-ts-corpus';
const sqlite = path.join(CORPUS, 'sqlite3/sqlite3.c');
const luaDir = path.join(CORPUS, 'lua-5.4.4/src');

function check(file: string, arch: Arch): string | null {
  const r = runPP(file, { arch });
  if (r.errors) return `${file}: ${r.messages}`;
  return firstDiff(tokenSpellings(r.out), tokenSpellings(gccE(arch, ['-E', file])));
}

if (!fs.existsSync(sqlite) || !fs.existsSync(luaDir)) {
  // outside CI a developer may not have the corpus; CI fetches it, so there its absence is a failure
  console.log(`SKIP corpus.test: ${CORPUS} has no sqlite3.c/lua sources: run tests/corpus/fetch.sh`);
  if (process.env.CI) test('corpus present', () => assert.unreachable(`${CORPUS} has no sqlite3.c/lua sources`));
} else {
  for (const arch of ['x86_64', 'aarch64', 'riscv64'] as Arch[]) {
    test(`sqlite3.c -E matches gcc for ${arch}`, () => {
      if (!haveTool(GCC[arch][0])) assert.unreachable(`${GCC[arch][0]} is not installed`);
      const d = check(sqlite, arch);
      assert.ok(d === null, d ?? '');
    });
    test(`Lua 5.4 sources -E match gcc for ${arch}`, () => {
      if (!haveTool(GCC[arch][0])) assert.unreachable(`${GCC[arch][0]} is not installed`);
      const files = fs.readdirSync(luaDir).filter((f) => f.endsWith('.c'));
      const bad: string[] = [];
      for (const f of files) {
        const d = check(path.join(luaDir, f), arch);
        if (d) bad.push(`${f}: ${d}`);
      }
      assert.equal(bad, []);
      console.log(`  ${arch}: ${files.length}/${files.length} Lua files match`);
    });
  }
}

test.run();
