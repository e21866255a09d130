// A 100-file slice of tests/corpus/asm-torture.ts (gcc -S -O0/-O2 of gcc.c-torture/execute, assembled
// by GNU as and by cc-ts, objdump -dr and readelf -r compared). The full corpus: asm-torture.js.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as path from 'path';
import { requireTool, cleanup } from './compare';
import { runTorture, TORTURE } from '../corpus/asm-torture';

test('100 torture files: at least 99% identical objects', () => {
  requireTool('gcc');
  requireTool('as');
  if (!fs.existsSync(TORTURE)) throw new Error(`corpus missing: ${TORTURE} (apt-get source gcc-12; see DESIGN.md)`);
  const files = fs.readdirSync(TORTURE).filter((f) => f.endsWith('.c')).sort().slice(0, 100).map((f) => path.join(TORTURE, f));
  const r = runTorture(files);
  const total = r.identical + r.different + r.failed;
  console.log(`  asm torture slice: ${r.identical}/${total} identical, ${r.different} different, ${r.failed} failed`);
  assert.ok(total > 150, 'too few files assembled');
  assert.ok(r.identical >= total * 0.99, r.notes.slice(0, 5).join('\n'));
});

test.after(() => cleanup());
test.run();
