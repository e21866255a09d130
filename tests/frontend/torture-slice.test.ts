// A representative slice of gcc.c-torture (300 files, every n-th of compile/ and execute/) through
// cc-ts's own preprocessor and parser for x86_64, in process, as `cc-ts -fsyntax-only` runs them.
// gcc is the oracle of which files are valid (its verdicts are cached, see tests/corpus/torture-syntax.ts).
// The whole corpus for the three targets: node dist/tests/corpus/torture-syntax.js

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import { listFiles, runTorture } from '../corpus/torture-syntax';

const ROOT = process.env.CC_TS_TORTURE ?? '/var/cache/cc-ts-corpus/gcc-12.2.0/gcc/testsuite/gcc.c-torture';
const SLICE = 300;

test(`gcc.c-torture slice (${SLICE} files), x86_64, cc-ts's own preprocessor`, () => {
  if (!fs.existsSync(ROOT)) assert.unreachable(`the torture corpus is missing at ${ROOT} (tests/corpus/fetch.sh)`);
  const all = listFiles();
  const step = all.length / SLICE;
  const files: string[] = [];
  for (let i = 0; i < SLICE; i++) files.push(all[Math.floor(i * step)]);
  const t0 = Date.now();
  const r = runTorture('x86_64', undefined, '', files);
  const pct = (100 * r.accepted / r.total).toFixed(2);
  process.stdout.write(`\n  torture slice x86_64: ${r.accepted}/${r.total} of the files gcc accepts (${pct}%), ` +
    `${r.rejected.length} rejected, ${r.crashed.length} crashed, ${Date.now() - t0} ms\n`);
  assert.is(r.crashed.length, 0, r.crashed.join('\n'));
  assert.ok(r.accepted >= 0.995 * r.total, r.rejected.join('\n'));
  assert.ok(r.total >= 0.9 * SLICE, `only ${r.total} of ${SLICE} files are accepted by gcc`);
});

test.run();
