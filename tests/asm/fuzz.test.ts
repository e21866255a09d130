// 300 seeded mutations of torture .s files: each assembles or is rejected with `file:line: Error:`,
// never an uncaught exception. The 10,000-mutant run: tests/corpus/fuzz-asm.js.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fuzzInputs, runFuzz } from './fuzz';

test('300 mutants of torture .s files: no crash', () => {
  const r = runFuzz(fuzzInputs(30), 300, 7);
  console.log(`  asm fuzz: ${r.assembled} assembled, ${r.rejected} rejected with errors, ${r.crashes.length} crashes`);
  assert.ok(r.assembled + r.rejected + r.crashes.length === 300);
  assert.ok(r.rejected > 20, 'the mutations should produce errors');
  assert.equal(r.crashes.length, 0, r.crashes.slice(0, 5).join('\n'));
});

test.run();
