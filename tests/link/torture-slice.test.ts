// A 50-file slice of the gcc.c-torture/execute link corpus (tests/corpus/link-torture.ts), -O0 and -O2.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runOne, tortureFiles, TORTURE_DIR } from '../corpus/link-torture';
import { requireTools } from './util';

requireTools('gcc', 'ld');
if (!fs.existsSync(TORTURE_DIR)) throw new Error(`missing corpus ${TORTURE_DIR}: run tests/corpus/fetch.sh`);
const all = tortureFiles();
const step = Math.max(1, Math.floor(all.length / 50));
const slice = all.filter((_, i) => i % step === 0).slice(0, 50);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-link-slice-'));

test(`torture slice: ${slice.length} files at -O0 and -O2 behave as with GNU ld`, () => {
  const fails: string[] = [];
  let ran = 0;
  for (const f of slice) {
    for (const o of ['O0', 'O2']) {
      const r = runOne(f, o, work);
      if (r.status === 'skip') continue;
      ran++;
      if (r.status === 'fail') fails.push(`${r.name} -${r.opt}: ${r.detail}`);
    }
  }
  assert.ok(ran >= 80, `only ${ran} cases ran`);
  assert.equal(fails, []);
});

test.run();
