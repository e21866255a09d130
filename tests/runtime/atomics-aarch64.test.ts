// runtime/atomics-aarch64.c: every __aarch64_<op><size>_<model> function (125) against libgcc's
// on seeded random values (returned old value and memory afterwards, with garbage above narrow
// arguments), plus four threads contending on one counter through ldadd, cas and swp
// (under qemu-aarch64, which runs guest threads in parallel).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TARGETS, DRIVER_PRELUDE, buildRuntime, requireTools, runDriver, summary } from './harness';

const OPS = ['swp', 'ldadd', 'ldclr', 'ldeor', 'ldset'];
const MODELS = ['relax', 'acq', 'rel', 'acq_rel', 'sync'];
const TYPES: Record<number, string> = { 1: 'uint8_t', 2: 'uint16_t', 4: 'uint32_t', 8: 'uint64_t', 16: 'u128' };

function driver(): string {
  const decls: string[] = [], checks: string[] = [];
  for (const m of MODELS) {
    for (const n of [1, 2, 4, 8, 16]) {
      const T = TYPES[n];
      const cas = `__aarch64_cas${n}_${m}`;
      decls.push(`${T} ${cas}(${T}, ${T}, ${T} *), rt_${cas}(${T}, ${T}, ${T} *);`);
      // the expected value equals memory half of the time
      checks.push(`{ ${T} m1 = (${T})r128(), m2 = m1, e = rnd() & 1 ? m1 : (${T})r128(), d = (${T})r128();
        ${T} o1 = rt_${cas}(e, d, &m1), o2 = ${cas}(e, d, &m2);
        CHECK(o1 == o2 && m1 == m2, "${cas}\\n"); }`);
      if (n === 16) continue;
      for (const op of OPS) {
        const f = `__aarch64_${op}${n}_${m}`;
        decls.push(`${T} ${f}(${T}, ${T} *), rt_${f}(${T}, ${T} *);`);
        checks.push(`{ ${T} m1 = (${T})r128(), m2 = m1, v = (${T})r128();
          ${T} o1 = rt_${f}(v, &m1), o2 = ${f}(v, &m2);
          CHECK(o1 == o2 && m1 == m2, "${f}\\n"); }`);
      }
    }
  }
  return DRIVER_PRELUDE + `
#include <pthread.h>
${decls.join('\n')}
/* Narrow arguments with garbage in the upper bits of the register, as the ABI allows. */
uint32_t garbage_cas1(uint64_t e, uint64_t d, uint8_t *p) __asm__("rt___aarch64_cas1_acq_rel");
uint32_t garbage_ldadd2(uint64_t v, uint16_t *p) __asm__("rt___aarch64_ldadd2_relax");

static uint64_t counter;
static uint32_t counter4;
static uint8_t flag;
static long in_section, overlaps;
static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 20000; i++) {
    rt___aarch64_ldadd8_acq_rel(1, &counter);
    uint32_t old = counter4;
    for (;;) {                                   /* increment through a cas loop */
      uint32_t seen = rt___aarch64_cas4_acq_rel(old, old + 1, &counter4);
      if (seen == old) break;
      old = seen;
    }
    if (i % 16 == 0) {                           /* a spin lock from swp: no two inside at once */
      while (rt___aarch64_swp1_acq(1, &flag)) {}
      if (__atomic_fetch_add(&in_section, 1, __ATOMIC_RELAXED) != 0) overlaps++;
      __atomic_fetch_sub(&in_section, 1, __ATOMIC_RELAXED);
      rt___aarch64_swp1_rel(0, &flag);
    }
  }
  return 0;
}

int main(void) {
  for (int i = 0; i < 300; i++) {
    ${checks.join('\n    ')}
  }
  uint8_t b = 0x41;
  CHECK(garbage_cas1(0xabcdef0000000041u, 0x1234567800000077u, &b) == 0x41 && b == 0x77, "cas1 with garbage\\n");
  uint16_t h = 0xfffe;
  CHECK(garbage_ldadd2(0xffffffff00010003u, &h) == 0xfffe && h == 0x0001, "ldadd2 with garbage\\n");
  pthread_t t[4];
  for (int i = 0; i < 4; i++) pthread_create(&t[i], 0, worker, 0);
  for (int i = 0; i < 4; i++) pthread_join(t[i], 0);
  CHECK(counter == 80000 && counter4 == 80000 && overlaps == 0, "threads: %llu %u %ld\\n", (unsigned long long)counter, counter4, overlaps);
  return finish();
}
`;
}

const t = TARGETS.find((x) => x.name === 'aarch64')!;
test('outline atomics match libgcc and are atomic (aarch64)', () => {
  requireTools(t);
  const objs = buildRuntime(t, ['atomics-aarch64.c'], true);
  const [checked, failed, text] = summary(runDriver(t, 'atomics', driver(), objs, ['-pthread']));
  assert.is(failed, 0, text);
  assert.is(checked, 300 * 125 + 3);
  console.log(`  aarch64: ${checked} checks`);
});

test.run();
