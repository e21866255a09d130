// runtime/cpu-x86.c against libgcc's cpuinfo on this machine: after both constructors have run,
// the vendor and every feature bit (__cpu_model.__cpu_features, __cpu_features2) must agree; and
// a program using __builtin_cpu_supports / __builtin_cpu_is linked with the runtime (no libgcc
// cpuinfo) must answer as one linked with libgcc.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TARGETS, DRIVER_PRELUDE, buildRuntime, requireTools, runDriver, summary } from './harness';

const t = TARGETS.find((x) => x.name === 'x86_64')!;

const COMPARE = DRIVER_PRELUDE + `
struct cpu_model { unsigned vendor, type, subtype, features[1]; };
extern struct cpu_model __cpu_model, rt___cpu_model;
extern unsigned __cpu_features2[], rt___cpu_features2[];
int __cpu_indicator_init(void), rt___cpu_indicator_init(void);
int main(void) {
  __builtin_cpu_init();
  rt___cpu_indicator_init();
  CHECK(rt___cpu_model.vendor == __cpu_model.vendor, "vendor %u %u\\n", rt___cpu_model.vendor, __cpu_model.vendor);
  for (unsigned k = 0; k < 99; k++) {
    unsigned ours = k < 32 ? rt___cpu_model.features[0] >> k & 1 : rt___cpu_features2[(k - 32) / 32] >> (k % 32) & 1;
    unsigned theirs = k < 32 ? __cpu_model.features[0] >> k & 1 : __cpu_features2[(k - 32) / 32] >> (k % 32) & 1;
    CHECK(ours == theirs, "feature %u: %u %u\\n", k, ours, theirs);
  }
  return finish();
}
`;

const SUPPORTS = `
#include <stdio.h>
int main(void) {
  printf("%d%d%d%d%d%d%d%d %d%d %d\\n", !!__builtin_cpu_supports("sse2"), !!__builtin_cpu_supports("avx"),
         !!__builtin_cpu_supports("avx2"), !!__builtin_cpu_supports("avx512f"), !!__builtin_cpu_supports("popcnt"),
         !!__builtin_cpu_supports("bmi2"), !!__builtin_cpu_supports("x86-64-v2"), !!__builtin_cpu_supports("x86-64-v3"),
         __builtin_cpu_is("intel"), __builtin_cpu_is("amd"), !!__builtin_cpu_supports("gfni"));
  return 0;
}
`;

test('__cpu_model and __cpu_features2 agree with libgcc (x86_64)', () => {
  requireTools(t);
  const [checked, failed, text] = summary(runDriver(t, 'cpu', COMPARE, buildRuntime(t, ['cpu-x86.c'], true)));
  assert.is(failed, 0, text);
  assert.is(checked, 100);
});

test('__builtin_cpu_supports answers the same with the runtime in place of libgcc (x86_64)', () => {
  const ours = runDriver(t, 'supports-rt', SUPPORTS, buildRuntime(t, ['cpu-x86.c'], false));
  const theirs = runDriver(t, 'supports-gcc', SUPPORTS, []);
  assert.is(ours, theirs);
  assert.match(ours, /^1/);
});

test.run();
