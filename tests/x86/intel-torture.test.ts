// gcc -masm=intel output of 60 torture files (-O0 and -O2) through GNU as and cc-ts: identical objects.
// The whole corpus: see intel-torture.ts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import { cleanup, requireTool } from '../asm/compare';
import { TORTURE } from '../corpus/asm-torture';
import { runIntelTorture, tortureFiles } from './intel-torture';

test('gcc -masm=intel output of 60 torture files: identical objects', () => {
  requireTool('gcc');
  requireTool('as');
  if (!fs.existsSync(TORTURE)) throw new Error(`corpus missing: ${TORTURE} (apt-get source gcc-12; see DESIGN.md)`);
  const files = tortureFiles();
  const slice = files.filter((_, i) => i % Math.floor(files.length / 60) === 0).slice(0, 60);
  const r = runIntelTorture(slice);
  const total = r.identical + r.different + r.failed;
  console.log(`  intel torture slice: ${r.identical}/${total} identical, ${r.different} different, ${r.failed} failed`);
  assert.ok(total >= 100, 'too few files assembled');
  assert.is(r.identical, total, r.notes.slice(0, 5).join('\n'));
});

test.after(() => cleanup());
test.run();
