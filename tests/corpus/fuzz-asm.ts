// 10,000 seeded mutations of gcc -S output (gcc.c-torture/execute) through the assembler: prints how
// many assembled, how many were rejected with `file:line: Error:`, and every crash with its seed.
//
//   node dist/tests/corpus/fuzz-asm.js [--count N] [--seed S] [--files N]

import { fuzzInputs, runFuzz } from '../asm/fuzz';

function main(): void {
  const argv = process.argv.slice(2);
  const arg = (n: string, d: number) => (argv.includes(n) ? Number(argv[argv.indexOf(n) + 1]) : d);
  const count = arg('--count', 10000);
  const t0 = Date.now();
  const r = runFuzz(fuzzInputs(arg('--files', 200)), count, arg('--seed', 1));
  for (const c of r.crashes) console.log(`CRASH ${c}`);
  console.log(`fuzz-asm: ${count} mutants: ${r.assembled} assembled, ${r.rejected} rejected with errors, ${r.crashes.length} crashes; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exitCode = r.crashes.length ? 1 : 0;
}

main();
