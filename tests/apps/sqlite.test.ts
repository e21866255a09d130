// The SQLite shell built fresh by cc-ts -O0 alone (empty PATH) runs every workload file in
// tests/apps/sql/ with output identical to a gcc -O0 build of the same amalgamation (-O0: it builds in a
// quarter of -O2's time). The full runner
// (-O2 too, and speedtest1) is tests/corpus/sqlite.ts.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as path from 'path';
import { firstDifference, outcome, tmpDir } from './common';
import { buildShell, runSql, sqlFiles } from './sqlite-build';

const work = tmpDir('cc-ts-sqlite-test-');
let ccShell = '';
let gccShell = '';

test('SQLite shell builds with cc-ts -O0 (and gcc -O0 as the oracle)', async () => {
  const [c, g] = await Promise.all([buildShell('cc-ts', '0', path.join(work, 'cc')), buildShell('gcc', '0', path.join(work, 'gcc'))]);
  assert.ok(g.ok, `gcc build failed: ${g.failures.map((f) => f.error).join('; ')}`);
  assert.ok(c.ok, `cc-ts build failed:\n${c.failures.map((f) => `${f.file}: ${f.error}`).join('\n')}`);
  ccShell = c.exe;
  gccShell = g.exe;
});

for (const file of sqlFiles()) {
  test(`sql/${file}`, async () => {
    assert.ok(ccShell && gccShell, 'no SQLite build');
    const [got, want] = await Promise.all([runSql(ccShell, file), runSql(gccShell, file)]);
    const a = outcome(want);
    const b = outcome(got);
    assert.ok(a === b, `${file} differs from the gcc build: ${firstDifference(a, b)}`);
  });
}

test.after(() => fs.rmSync(work, { recursive: true, force: true }));
test.run();
