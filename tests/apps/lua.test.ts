// Lua 5.4 built fresh by cc-ts -O2 alone (empty PATH) runs every script in tests/apps/lua-scripts/
// with output identical to a gcc -O2 build of the same sources. The full runner with -O0 as well is
// tests/corpus/lua.ts.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as path from 'path';
import { firstDifference, tmpDir } from './common';
import { buildLua, luaScripts, outcome, runScript } from './lua-build';

const work = tmpDir('cc-ts-lua-test-');
let ccLua = '';
let gccLua = '';

test('Lua builds with cc-ts -O2 (and gcc -O2 as the oracle)', async () => {
  const [c, g] = await Promise.all([buildLua('cc-ts', '2', path.join(work, 'cc')), buildLua('gcc', '2', path.join(work, 'gcc'))]);
  assert.ok(g.ok, `gcc build failed: ${g.failures.map((f) => f.error).join('; ')}`);
  assert.ok(c.ok, `cc-ts build failed:\n${c.failures.map((f) => `${f.file}: ${f.error}`).join('\n')}`);
  ccLua = c.exe;
  gccLua = g.exe;
});

for (const script of luaScripts()) {
  test(`lua-scripts/${script}`, async () => {
    assert.ok(ccLua && gccLua, 'no Lua build');
    const [got, want] = await Promise.all([runScript(ccLua, script), runScript(gccLua, script)]);
    const a = outcome(want);
    const b = outcome(got);
    assert.ok(a === b, `${script} differs from the gcc build: ${firstDifference(a, b)}`);
  });
}

test.after(() => fs.rmSync(work, { recursive: true, force: true }));
test.run();
