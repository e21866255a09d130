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

test('__builtin_constant_p is decided after optimisation, as gcc does, and folded at once at -O0', () => {
  const src = path.join(work, 'bcp.c');
  fs.writeFileSync(src, `#include <stdio.h>
static int twice(int v) { return 2 * v; }
int main(int argc, char **argv) {
  int x = 3, n = argc; volatile int y = 4;
  int a[__builtin_constant_p(x) + 1];
  static int s = __builtin_constant_p(x);
  const char *p = __builtin_constant_p(x) ? "c" : "n";
  int z = x * 7 + 1;
  printf("%zu %d %s %d %d %d %d %d\\n", sizeof a, s, p, __builtin_constant_p(x + 1), __builtin_constant_p(y),
         __builtin_constant_p(n), __builtin_constant_p(z > 20 ? z : n), __builtin_constant_p(twice(1)));
  (void)argv;
  return 0;
}
`);
  for (const lv of ['-O0', '-O2']) {
    const g = path.join(work, 'bcp-gcc.exe'), c = path.join(work, 'bcp-cc.exe');
    assert.is(spawnSync('gcc', [lv, '-w', src, '-o', g]).status, 0);
    assert.is(driverMain([lv, '-w', src, '-o', c]), 0);
    const want = spawnSync(g, [], { encoding: 'utf8' }).stdout;
    assert.is(spawnSync(c, [], { encoding: 'utf8' }).stdout, want);
    assert.is(want, lv === '-O0' ? '4 0 n 0 0 0 0 0\n' : '8 0 c 1 0 0 1 0\n');
  }
});

test('an object with a trampoline asks for an executable stack', () => {
  const exe = path.join(work, 'tramp.exe');
  assert.is(driverMain(['-O2', '-w', path.join(dirs[0], 'nested-trampoline.c'), '-o', exe]), 0);
  const r = spawnSync('readelf', ['-lW', exe], { encoding: 'utf8' });
  assert.ok(!r.error, 'readelf (binutils) is required');
  assert.match(r.stdout, /GNU_STACK.* RWE /);
});

test.after(() => fs.rmSync(work, { recursive: true, force: true }));
test.run();
