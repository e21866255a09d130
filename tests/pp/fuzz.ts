// Seeded random mutations of gcc.c-torture files through the preprocessor: every outcome must be
// output or located diagnostics, never an exception. Run as a script for long runs:
//   node /tmp/<you>-dist/tests/pp/fuzz.js [count=10000] [runSeed=1]
import * as fs from 'fs';
import * as path from 'path';
import { Preprocessor } from '../../src/pp/preprocess';
import { printPreprocessed } from '../../src/pp/print';
import { Diagnostics, defaultDiagOptions, FatalError } from '../../src/diag/diagnostics';
import { TARGETS } from '../../targets/layout';
import { mutate, caseSeed, hex32 } from '../fuzz/mutate';
import { tortureFiles, tortureDir } from '../fuzz/torture';

export interface FuzzResult { cases: number; crashes: string[]; errors: number }

export function fuzzPreprocessor(count: number, runSeed: number): FuzzResult | null {
  if (!fs.existsSync(tortureDir())) return null;
  const files = tortureFiles();
  const crashes: string[] = [];
  let errors = 0;
  const archs = [TARGETS.x86_64, TARGETS.aarch64, TARGETS.riscv64];
  for (let i = 0; i < count; i++) {
    const seed = caseSeed(runSeed, i);
    const file = files[seed % files.length];
    const src = fs.readFileSync(path.join(tortureDir(), file), 'latin1');
    const m = mutate(src, seed);
    let messages = '';
    const diag = new Diagnostics({ ...defaultDiagOptions(), maxErrors: 50 }, (s) => { messages += s; });
    const pp = new Preprocessor({ target: archs[i % 3], diag, stdinText: m.source, implicitPredef: false });
    try {
      printPreprocessed(pp, pp.preprocessFile('-'));
    } catch (e) {
      if (!(e instanceof FatalError)) {
        crashes.push(`case ${hex32(seed)} (${file}; ${m.mutations.join(', ')}): ${(e as Error).stack}`);
        continue;
      }
    }
    if (diag.errors) {
      errors++;
      // every error must carry a location (file:line:col:)
      for (const line of messages.split('\n')) {
        if (/\b(error|fatal error):/.test(line) && !/^<stdin>:\d+:\d+: /.test(line) && !/^In file included/.test(line) && !/^\s/.test(line)) {
          crashes.push(`case ${hex32(seed)}: unlocated error: ${line}`);
        }
      }
    }
  }
  return { cases: count, crashes, errors };
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 10000);
  const runSeed = Number(process.argv[3] ?? 1);
  const t0 = Date.now();
  const r = fuzzPreprocessor(count, runSeed);
  if (!r) {
    console.log(`no torture corpus in ${tortureDir()}: run tests/corpus/fetch.sh`);
    process.exit(1);
  }
  for (const c of r.crashes.slice(0, 20)) console.log(c);
  console.log(`${r.cases} mutants, ${r.errors} with located errors, ${r.crashes.length} crashes, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(r.crashes.length ? 1 : 0);
}
