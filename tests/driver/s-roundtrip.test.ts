// `-c` hands the code generator's instruction objects straight to the assembler; `-S` prints them.
// Both must give the same object: for C files of the project and a slice of gcc.c-torture/execute
// (every 40th file), at -O0, -O2, -O2 -fPIC and with -g (line tables) at -O0 and -O2, `cc-ts -c f.c` and `cc-ts -S f.c` + `cc-ts as f.s`
// produce byte-identical objects (run in process through the driver's entry). At -O0 big units are
// compiled with a second thread doing code generation and assembly (src/driver/codegen-remote.ts):
// forced on (CC_TS_THREADS=1) for the same files, it gives the same objects as one thread (also -g).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { driverMain } from '../../src/driver/main';
import { asCommand } from '../../asm';
import { executeFiles, execDir } from '../corpus/torture-exec';
import { findRepoRoot } from '../fuzz/torture';

const root = findRepoRoot();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-sround-'));
const own = ['tests/apps/repros', 'tests/exec/c', 'examples']
  .flatMap((d) => (fs.existsSync(path.join(root, d)) ? fs.readdirSync(path.join(root, d)).filter((f) => f.endsWith('.c')).map((f) => path.join(root, d, f)) : []));
const torture = fs.existsSync(execDir) ? executeFiles().filter((_, i) => i % 40 === 0).map((f) => path.join(execDir, f)) : [];

/** Runs the driver quietly (diagnostics of files cc-ts rejects are not this test's business). */
function quiet<T>(fn: () => T): T {
  const w = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try { return fn(); } finally { process.stderr.write = w; }
}

function roundTrip(file: string, flags: string[]): string | null {
  const a = path.join(work, 'a.o'), s = path.join(work, 'a.s'), b = path.join(work, 'b.o');
  for (const f of [a, s, b]) fs.rmSync(f, { force: true });
  if (quiet(() => driverMain([...flags, '-w', '-c', file, '-o', a])) !== 0) return null; // not compiled: nothing to compare
  assert.is(quiet(() => driverMain([...flags, '-w', '-S', file, '-o', s])), 0, `-S ${file}`);
  assert.is(asCommand(['--64', '-o', b, s]), 0, `cc-ts as ${file}`);
  return Buffer.compare(fs.readFileSync(a), fs.readFileSync(b)) === 0 ? 'same' : 'differ';
}

test('corpus present', () => {
  assert.ok(torture.length > 30, `gcc.c-torture/execute not found at ${execDir} (run tests/corpus/fetch.sh)`);
});

/** A test that `compare` finds the two objects of every file the same (null: not compiled). */
function allSame(name: string, flags: string[], compare: (file: string, flags: string[]) => string | null): void {
  test(`${name} at ${flags.join(' ')}`, () => {
    const differ: string[] = [];
    let compared = 0;
    for (const f of [...own, ...torture]) {
      const r = compare(f, flags);
      if (r === null) continue;
      compared++;
      if (r === 'differ') differ.push(path.relative(root, f));
    }
    assert.ok(compared > 30, `only ${compared} files compiled`);
    assert.equal(differ, [], `objects differ: ${differ.join(' ')}`);
  });
}

for (const flags of [['-O0'], ['-O2'], ['-O2', '-fPIC'], ['-g', '-O0'], ['-g', '-O2']]) allSame('-c equals -S + as', flags, roundTrip);

/** The object of `cc-ts -c` with and without a code-generation thread. */
function threads(file: string, flags: string[]): string | null {
  const a = path.join(work, 't1.o'), b = path.join(work, 't2.o');
  for (const f of [a, b]) fs.rmSync(f, { force: true });
  const saved = process.env.CC_TS_THREADS;
  try {
    process.env.CC_TS_THREADS = '0';
    if (quiet(() => driverMain([...flags, '-w', '-c', file, '-o', a])) !== 0) return null;
    process.env.CC_TS_THREADS = '1';
    assert.is(quiet(() => driverMain([...flags, '-w', '-c', file, '-o', b])), 0, `with a thread: ${file}`);
  } finally {
    if (saved === undefined) delete process.env.CC_TS_THREADS; else process.env.CC_TS_THREADS = saved;
  }
  return Buffer.compare(fs.readFileSync(a), fs.readFileSync(b)) === 0 ? 'same' : 'differ';
}

for (const flags of [['-O0'], ['-O0', '-fPIC'], ['-O0', '-g']]) allSame('-c with a code-generation thread equals -c without', flags, threads);

test.after(() => fs.rmSync(work, { recursive: true, force: true }));
test.run();
