// 500 seeded mutations of torture files through the preprocessor: no crashes, only located errors.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fuzzPreprocessor } from './fuzz';

test('500 mutated torture files: no crash, every error located', () => {
  const r = fuzzPreprocessor(500, 12345);
  if (!r) {
    console.log('SKIP pp fuzz: no gcc.c-torture corpus: run tests/corpus/fetch.sh');
    return;
  }
  assert.equal(r.crashes, []);
  console.log(`  500 mutants, ${r.errors} rejected with located errors, 0 crashes`);
});

test.run();
