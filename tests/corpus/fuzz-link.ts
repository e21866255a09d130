// 10,000 seeded mutations of objects (3,750), archives (2,500) and linker scripts (3,750) through the
// linker in process: each gives a located error or links; an uncaught exception fails the run.
//   node dist/tests/corpus/fuzz-link.js [--seed N]
// (the same cases as tests/link/fuzz.test.ts, scaled up: CC_TS_LINK_FUZZ_SCALE=12.5)
import { spawnSync } from 'child_process';
import * as path from 'path';

const i = process.argv.indexOf('--seed');
const seed = i >= 0 ? process.argv[i + 1] : '12345';
const r = spawnSync(process.execPath, [path.join(__dirname, '..', 'link', 'fuzz.test.js')], {
  stdio: 'inherit', env: { ...process.env, CC_TS_LINK_FUZZ_SCALE: '12.5', CC_TS_LINK_FUZZ_SEED: seed },
});
process.exitCode = r.status ?? 1;
