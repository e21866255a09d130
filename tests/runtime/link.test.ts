// The runtime in place of libgcc: a C program is linked statically against the target's glibc
// (crt1.o crti.o ... libc.a libm.a ... crtn.o) with `-nostdlib`, so no libgcc or libgcc_eh can
// be involved, and the runtime archive (built from runtime/manifest.json by gcc) supplies every
// helper. The program exercises printf of long double (binary128 on AArch64 and RISC-V), 128-bit
// division, complex division, the bit builtins, pthread_exit (the _Unwind_ForcedUnwind stand-in)
// and on x86-64 __builtin_cpu_supports; its output must equal the same program built by gcc
// the ordinary way (with libgcc). Runs natively and under qemu-user.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TARGETS, buildRuntime, manifestFiles, requireTools, tmpDir } from './harness';

const PROGRAM = `
#include <stdio.h>
#include <pthread.h>
#include <complex.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
static void *thread(void *arg) { (void)arg; pthread_exit((void *)42); return 0; }
int main(int argc, char **argv) {
  (void)argv;
  volatile long double x = 1.5L, third = 1.0L / 3;
  printf("hello %Lf %.30Lg %Lg\\n", x * 3, third, sqrtl(x));
  volatile __int128 a = ((__int128)1 << 100) + 12345, b = -977;
  printf("%lld %lld\\n", (long long)(a / b >> 40), (long long)(a % b));
  volatile unsigned __int128 u = ~(unsigned __int128)0 / 3;
  printf("%.17g %.17g\\n", (double)u, (double)(__int128)-u);
  volatile double complex z = 1 + 2 * I, w = 3 - 4 * I;
  double complex q = z / w, p = z * w;
  printf("%g %g %g %g\\n", creal(q), cimag(q), creal(p), cimag(p));
  printf("%d %d %d\\n", __builtin_popcountll(argc * 0x123456789ull), __builtin_clzll(argc), __builtin_ctzll(argc << 20));
  printf("%.17g\\n", __builtin_powi(1.0001, argc * 1000));
  char buf[64];
  snprintf(buf, sizeof buf, "%La", (long double)0.1);
  printf("%s %Lg\\n", buf, strtold("1e-4940", 0));
  pthread_t t;
  void *ret;
  pthread_create(&t, 0, thread, 0);
  pthread_join(t, &ret);
  printf("thread %ld\\n", (long)ret);
#ifdef __x86_64__
  printf("sse2 %d\\n", !!__builtin_cpu_supports("sse2"));
#endif
  return 0;
}
`;

function sh(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

for (const t of TARGETS) {
  test(`static glibc program linked with the runtime and no libgcc (${t.name})`, () => {
    requireTools(t);
    const dir = tmpDir(), L = t.libdir;
    const src = path.join(dir, `${t.name}-link.c`), obj = path.join(dir, `${t.name}-link.o`);
    fs.writeFileSync(src, PROGRAM);
    sh(t.gcc, ['-O2', '-c', src, '-o', obj]);
    const archive = path.join(dir, `${t.name}-libcc-ts-rt.a`);
    fs.rmSync(archive, { force: true });
    sh(t.gcc.replace(/gcc$/, 'ar'), ['rcs', archive, ...buildRuntime(t, manifestFiles(t), false)]);
    const exe = path.join(dir, `${t.name}-link-rt`), ref = path.join(dir, `${t.name}-link-gcc`);
    sh(t.gcc, ['-static', '-nostdlib', `${L}/crt1.o`, `${L}/crti.o`, obj,
      '-Wl,--start-group', `${L}/libc.a`, `${L}/libm.a`, archive, '-Wl,--end-group', `${L}/crtn.o`, '-o', exe]);
    sh(t.gcc, ['-static', obj, '-o', ref, '-lm', '-pthread']);
    const run = (e: string) => (t.run.length ? sh(t.run[0], [...t.run.slice(1), e]) : sh(e, []));
    const ours = run(exe);
    assert.is(ours, run(ref));
    assert.match(ours, /^hello 4\.500000 0\.333333333333333333/);
    assert.match(ours, /thread 42/);
  });
}

test.run();
