// Csmith: 10 random programs with fixed seeds give gcc -O0's checksum when built by cc-ts -O0 and -O2
// (in process, empty PATH). The 1,000-seed run is tests/corpus/csmith.ts.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import { tmpDir } from './common';
import { DEFAULT_CSMITH_ARGS, runSeeds } from './csmith-run';

const SEEDS = [1, 2, 3, 5, 8, 13, 21, 34, 55, 89];

test('10 csmith seeds: cc-ts -O0 and -O2 match gcc -O0', async () => {
  if (!fs.existsSync('/usr/bin/csmith')) assert.unreachable('csmith is not installed (apt-get install csmith libcsmith-dev)');
  const work = tmpDir('cc-ts-csmith-test-');
  try {
    const { results, unusable } = await runSeeds(SEEDS, ['0', '2'], { jobs: 2, timeoutMs: 10000, csmithArgs: DEFAULT_CSMITH_ARGS, work });
    assert.is(unusable.length, 0, `seeds without a gcc answer: ${unusable.map((u) => `${u.seed} (${u.why})`).join(', ')}`);
    const bad = results.filter((r) => r.verdict !== 'match');
    assert.is(results.length, 2 * SEEDS.length);
    assert.ok(bad.length === 0, bad.map((r) => `seed ${r.seed} -O${r.level}: ${r.verdict} ${r.detail}`).join('\n'));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test.run();
