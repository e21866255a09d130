// A 300-case slice of the front-end fuzzer (tests/fuzz/fuzz.ts) in npm test: seeded mutants of
// gcc.c-torture files must not crash the driver or hang it (5 s per case). The full run is
// tests/corpus/fuzz-frontend.ts (10,000 cases).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { describeFailure, runFuzz } from './fuzz';
import { caseSeed, makeCase, mulberry32, tokenize } from './mutate';

const COUNT = Number(process.env.CC_TS_FUZZ_COUNT ?? 300);
const SEED = Number(process.env.CC_TS_FUZZ_SEED ?? 1);

test('mutations are deterministic', () => {
  const r1 = mulberry32(42), r2 = mulberry32(42);
  for (let i = 0; i < 5; i++) assert.is(r1(), r2());
  assert.is.not(caseSeed(1, 0), caseSeed(1, 1));
  const files = ['a.c', 'b.c'];
  const read = (f: string): string => (f === 'a.c' ? 'int main(void) { return (1 + 2) * 3; }\n' : 'struct s { int x; };\nint f(struct s *p) { return p->x; }\n');
  for (let i = 0; i < 50; i++) {
    const s = caseSeed(7, i);
    assert.equal(makeCase(s, files, read), makeCase(s, files, read));
  }
  assert.equal(tokenize('a->b += 0x1p-3;').map((t) => t.end - t.start), [1, 2, 1, 2, 6, 1]);
});

test(`${COUNT} mutants of torture files: no crash, no hang`, async () => {
  const s = await runFuzz({ count: COUNT, seed: SEED, jobs: 1, timeoutMs: 5000 });
  process.stdout.write(`fuzz: ${s.cases} cases (seed ${SEED}), ${s.accepted} accepted, ${s.rejected} rejected, ` +
    `${s.crashes.length} crashes, ${s.hangs.length} hangs, ${(s.ms / 1000).toFixed(1)} s\n`);
  const failures = [...s.crashes, ...s.hangs];
  assert.ok(failures.length === 0, failures.slice(0, 5).map(describeFailure).join('\n') +
    (failures.length > 5 ? `\n... and ${failures.length - 5} more` : ''));
});

test.run();
