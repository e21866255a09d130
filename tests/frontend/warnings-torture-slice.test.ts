// -Wall -Wextra warnings on every 20th file of gcc.c-torture against gcc 12 (tests/corpus/warnings-torture.ts
// does the whole corpus): the (line, option) pairs of the options cc-ts implements must agree with gcc's
// with at least the precision and recall measured when the checks were written (gcc's warnings are cached
// per file, so only a first run calls gcc).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import { listFiles } from '../corpus/torture-syntax';
import { compareWarnings } from '../corpus/warnings-torture';

const ROOT = process.env.CC_TS_TORTURE ?? '/var/cache/cc-ts-corpus/gcc-12.2.0/gcc/testsuite/gcc.c-torture';

test('gcc.c-torture, every 20th file: -Wall -Wextra warnings as gcc reports them', () => {
  if (!fs.existsSync(ROOT)) assert.unreachable(`the torture corpus is missing at ${ROOT} (tests/corpus/fetch.sh)`);
  const files = listFiles().filter((_, i) => i % 20 === 0);
  const r = compareWarnings(files);
  let match = 0, fp = 0, fn = 0, col = 0;
  for (const t of r.per.values()) { match += t.match; fp += t.fp; fn += t.fn; col += t.col; }
  process.stdout.write(`\n  warnings on ${r.files} torture files: ${match} as gcc (${col} at its column), ${fp} more, ${fn} missing\n`);
  assert.ok(r.files >= 150, `only ${r.files} files`);
  assert.ok(match >= 100, `only ${match} warnings matched`);
  assert.ok(match / (match + fp) >= 0.98, r.diffs.filter((d) => d.startsWith('FP')).join('\n'));
  assert.ok(match / (match + fn) >= 0.95, r.diffs.filter((d) => d.startsWith('FN')).join('\n'));
  assert.ok(col / match >= 0.95, r.diffs.filter((d) => d.startsWith('COL')).join('\n'));
});

test.run();
