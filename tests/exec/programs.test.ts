// The C programs in tests/exec/c/ built by cc-ts alone and run natively at -O0 and -O2, against gcc's
// output: GNU nested functions (static chains in %r10, trampolines on an executable stack, non-local
// goto through the enclosing function's _setjmp, `&&label` of an enclosing function), x87 asm
// operands, __builtin_setjmp, VLAs freed by a backward goto, printf folding; and the repros of bugs the
// application corpora found (tests/apps/repros/*.c).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { driverMain } from '../../src/driver/main';
import { findRepoRoot } from '../fuzz/torture';

const dirs = [path.join(findRepoRoot(), 'tests/exec/c'), path.join(findRepoRoot(), 'tests/apps/repros')];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-programs-'));

function gccRun(src: string): { out: string; status: number | null } {
  const exe = path.join(work, 'gcc.exe');
  const c = spawnSync('gcc', ['-w', '-O0', src, '-o', exe], { encoding: 'utf8' });
  if (c.error) throw new Error('gcc is required for tests/exec (apt-get install gcc)');
  assert.is(c.status, 0, c.stderr);
  const r = spawnSync(exe, [], { encoding: 'utf8' });
  return { out: r.stdout, status: r.status };
}

for (const [dir, name] of dirs.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.c')).sort().map((f) => [d, f] as const))) {
  for (const lv of ['-O0', '-O2']) {
    test(`${name} ${lv}`, () => {
      const src = path.join(dir, name);
      const want = gccRun(src);
      const exe = path.join(work, `${name}${lv}.exe`);
      assert.is(driverMain([lv, '-w', src, '-o', exe]), 0);
      const r = spawnSync(exe, [], { encoding: 'utf8' });
      assert.is(r.stdout, want.out);
      assert.is(r.status, want.status);
      assert.is(want.status, 0);
    });
  }
}

test('an object with a trampoline asks for an executable stack', () => {
  const exe = path.join(work, 'tramp.exe');
  assert.is(driverMain(['-O2', '-w', path.join(dirs[0], 'nested-trampoline.c'), '-o', exe]), 0);
  const r = spawnSync('readelf', ['-lW', exe], { encoding: 'utf8' });
  assert.ok(!r.error, 'readelf (binutils) is required');
  assert.match(r.stdout, /GNU_STACK.* RWE /);
});

test.after(() => fs.rmSync(work, { recursive: true, force: true }));
test.run();
