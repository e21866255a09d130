// runtime/softfp128.c against libgcc's soft-fp, bit for bit, on seeded random and special
// binary128 operands: arithmetic, comparisons and conversions to and from the integer and other
// floating formats. x86-64 natively (_Float128), AArch64 and RISC-V under qemu (long double).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TARGETS, DRIVER_PRELUDE, buildRuntime, requireTools, runDriver, summary } from './harness';

const DRIVER = DRIVER_PRELUDE + `
#include <stdlib.h>
typedef _Float128 tf;
typedef union { tf f; u128 u; } tfb;
static u128 B(tf x) { tfb b; b.f = x; return b.u; }
static tf F(u128 u) { tfb b; b.u = u; return b.f; }
#define DECL2(name) tf name(tf, tf), rt_##name(tf, tf);
DECL2(__addtf3) DECL2(__subtf3) DECL2(__multf3) DECL2(__divtf3)
/* libgcc's comparison result: 32 bits on AArch64, a 64-bit word elsewhere (all of it is tested) */
#ifdef __aarch64__
typedef int cmp_t;
#else
typedef long cmp_t;
#endif
#define DECLC(name) cmp_t name(tf, tf), rt_##name(tf, tf);
DECLC(__eqtf2) DECLC(__netf2) DECLC(__lttf2) DECLC(__letf2) DECLC(__gttf2) DECLC(__getf2) DECLC(__unordtf2)
tf __negtf2(tf), rt___negtf2(tf);
int __fixtfsi(tf), rt___fixtfsi(tf); long __fixtfdi(tf), rt___fixtfdi(tf); i128 __fixtfti(tf), rt___fixtfti(tf);
unsigned __fixunstfsi(tf), rt___fixunstfsi(tf); unsigned long __fixunstfdi(tf), rt___fixunstfdi(tf);
u128 __fixunstfti(tf), rt___fixunstfti(tf);
tf __floatsitf(int), rt___floatsitf(int), __floatditf(long), rt___floatditf(long), __floattitf(i128), rt___floattitf(i128);
tf __floatunsitf(unsigned), rt___floatunsitf(unsigned), __floatunditf(unsigned long), rt___floatunditf(unsigned long);
tf __floatuntitf(u128), rt___floatuntitf(u128);
tf __extendsftf2(float), rt___extendsftf2(float), __extenddftf2(double), rt___extenddftf2(double);
float __trunctfsf2(tf), rt___trunctfsf2(tf); double __trunctfdf2(tf), rt___trunctfdf2(tf);
#ifdef __x86_64__
tf __extendxftf2(long double), rt___extendxftf2(long double);
long double __trunctfxf2(tf), rt___trunctfxf2(tf);
#endif

static int isnan_u(u128 u) { return (u & ~((u128)1 << 127)) > ((u128)0x7fff << 112); }
/* Operands: random exponents, exponents near 1, the extremes and the subnormal range;
   significands full, sparse, all ones, or zero; and the specials. */
static u128 rtf(void) {
  u128 sign = (u128)(rnd() & 1) << 127, frac, e;
  switch (rnd() % 6) {
  case 0: e = rnd() % 0x7fff; break;
  case 1: e = 0x3fff + (rnd() % 64) - 32; break;
  case 2: e = rnd() % 4; break;
  case 3: e = 0x7ffe - rnd() % 4; break;
  case 4: e = 0x3fff + (rnd() % 240) - 120; break;
  default: e = rnd() & 1 ? 0x7fff : 0; break;
  }
  switch (rnd() % 5) {
  case 0: frac = 0; break;
  case 1: frac = (u128)1 << (rnd() % 112); break;
  case 2: frac = (((u128)1 << 112) - 1) >> (rnd() % 112); break;
  case 3: frac = (((u128)rnd() << 64) | rnd()) >> (rnd() % 112); break;
  default: frac = (((u128)rnd() << 64) | rnd()); break;
  }
  frac &= ((u128)1 << 112) - 1;
  return sign | e << 112 | frac;
}
static char *hx(u128 v) { static char buf[4][40]; static int k; char *b = buf[k++ & 3]; hex128(b, v); return b; }
/* Same bits; or, with nan_any, both NaN. */
static int same(u128 a, u128 b, int nan_any) { return a == b || (nan_any && isnan_u(a) && isnan_u(b)); }

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 20000;
  int nan_any = NAN_ANY;
  for (long i = 0; i < n; i++) {
    u128 a = rtf(), b = rnd() % 4 == 0 ? (a ^ (rnd() % 8)) ^ ((u128)(rnd() & 1) << 127) : rtf();
    tf x = F(a), y = F(b);
    CHECK(same(B(rt___addtf3(x, y)), B(__addtf3(x, y)), nan_any), "add %s %s: %s %s\\n", hx(a), hx(b), hx(B(rt___addtf3(x, y))), hx(B(__addtf3(x, y))));
    CHECK(same(B(rt___subtf3(x, y)), B(__subtf3(x, y)), nan_any), "sub %s %s: %s %s\\n", hx(a), hx(b), hx(B(rt___subtf3(x, y))), hx(B(__subtf3(x, y))));
    CHECK(same(B(rt___multf3(x, y)), B(__multf3(x, y)), nan_any), "mul %s %s: %s %s\\n", hx(a), hx(b), hx(B(rt___multf3(x, y))), hx(B(__multf3(x, y))));
    CHECK(same(B(rt___divtf3(x, y)), B(__divtf3(x, y)), nan_any), "div %s %s: %s %s\\n", hx(a), hx(b), hx(B(rt___divtf3(x, y))), hx(B(__divtf3(x, y))));
    CHECK(B(rt___negtf2(x)) == B(__negtf2(x)), "neg %s\\n", hx(a));
    CHECK(rt___eqtf2(x, y) == __eqtf2(x, y) && rt___netf2(x, y) == __netf2(x, y) && rt___unordtf2(x, y) == __unordtf2(x, y),
          "eq/ne/unord %s %s: %lld %lld %lld | %lld %lld %lld\\n", hx(a), hx(b), (long long)rt___eqtf2(x, y), (long long)rt___netf2(x, y), (long long)rt___unordtf2(x, y), (long long)__eqtf2(x, y), (long long)__netf2(x, y), (long long)__unordtf2(x, y));
    CHECK(rt___lttf2(x, y) == __lttf2(x, y) && rt___letf2(x, y) == __letf2(x, y) && rt___gttf2(x, y) == __gttf2(x, y) && rt___getf2(x, y) == __getf2(x, y),
          "lt/le/gt/ge %s %s: %d %lld %lld %lld | %lld %lld %lld %d\\n", hx(a), hx(b), (long long)rt___lttf2(x, y), (long long)rt___letf2(x, y), (long long)rt___gttf2(x, y), (long long)rt___getf2(x, y), (long long)__lttf2(x, y), (long long)__letf2(x, y), (long long)__gttf2(x, y), (long long)__getf2(x, y));
    /* conversions to integers: in range always; out of range and NaN where the target's libgcc
       saturates the way we do (all three do, checked here) */
    CHECK(rt___fixtfsi(x) == __fixtfsi(x), "fixtfsi %s: %d %d\\n", hx(a), rt___fixtfsi(x), __fixtfsi(x));
    CHECK(rt___fixtfdi(x) == __fixtfdi(x), "fixtfdi %s\\n", hx(a));
    CHECK(rt___fixtfti(x) == __fixtfti(x), "fixtfti %s: %s %s\\n", hx(a), hx(rt___fixtfti(x)), hx(__fixtfti(x)));
    CHECK(rt___fixunstfsi(x) == __fixunstfsi(x), "fixunstfsi %s: %u %u\\n", hx(a), rt___fixunstfsi(x), __fixunstfsi(x));
    CHECK(rt___fixunstfdi(x) == __fixunstfdi(x), "fixunstfdi %s\\n", hx(a));
    CHECK(rt___fixunstfti(x) == __fixunstfti(x), "fixunstfti %s: %s %s\\n", hx(a), hx(rt___fixunstfti(x)), hx(__fixunstfti(x)));
    u128 r = r128();
    CHECK(B(rt___floattitf((i128)r)) == B(__floattitf((i128)r)), "floattitf %s\\n", hx(r));
    CHECK(B(rt___floatuntitf(r)) == B(__floatuntitf(r)), "floatuntitf %s\\n", hx(r));
    CHECK(B(rt___floatditf((long)r)) == B(__floatditf((long)r)), "floatditf %s\\n", hx(r));
    CHECK(B(rt___floatunditf((unsigned long)r)) == B(__floatunditf((unsigned long)r)), "floatunditf %s\\n", hx(r));
    CHECK(B(rt___floatsitf((int)r)) == B(__floatsitf((int)r)), "floatsitf %s\\n", hx(r));
    CHECK(B(rt___floatunsitf((unsigned)r)) == B(__floatunsitf((unsigned)r)), "floatunsitf %s\\n", hx(r));
    float f1 = rt___trunctfsf2(x), f2 = __trunctfsf2(x);
    double d1 = rt___trunctfdf2(x), d2 = __trunctfdf2(x);
    CHECK(memcmp(&f1, &f2, 4) == 0 || (nan_any && f1 != f1 && f2 != f2), "trunctfsf2 %s: %a %a\\n", hx(a), f1, f2);
    CHECK(memcmp(&d1, &d2, 8) == 0 || (nan_any && d1 != d1 && d2 != d2), "trunctfdf2 %s: %a %a\\n", hx(a), d1, d2);
    uint32_t fb = (uint32_t)rnd(); uint64_t db = rnd();
    if (rnd() & 1) fb &= 0x807fffffu | ((uint32_t)(rnd() & 1 ? 0xff : 0) << 23);
    if (rnd() & 1) db &= 0x800fffffffffffffu | ((uint64_t)(rnd() & 1 ? 0x7ff : 0) << 52);
    memcpy(&f1, &fb, 4); memcpy(&d1, &db, 8);
    CHECK(same(B(rt___extendsftf2(f1)), B(__extendsftf2(f1)), nan_any), "extendsftf2 %08x: %s %s\\n", fb, hx(B(rt___extendsftf2(f1))), hx(B(__extendsftf2(f1))));
    CHECK(same(B(rt___extenddftf2(d1)), B(__extenddftf2(d1)), nan_any), "extenddftf2 %016llx\\n", (unsigned long long)db);
#ifdef __x86_64__
    long double l1 = rt___trunctfxf2(x), l2 = __trunctfxf2(x);
    CHECK(memcmp(&l1, &l2, 10) == 0, "trunctfxf2 %s: %La %La\\n", hx(a), l1, l2);
    union { long double f; struct { uint64_t m; uint16_t se; } p; } xl;
    memset(&xl, 0, sizeof xl);
    xl.p.m = rnd() | (uint64_t)1 << 63; xl.p.se = (uint16_t)rnd();
    if (rnd() & 1) xl.p.se = (xl.p.se & 0x8000) | (rnd() & 1 ? 0x7fff : 0);
    if ((xl.p.se & 0x7fff) == 0) xl.p.m &= ~((uint64_t)1 << 63);
    CHECK(B(rt___extendxftf2(xl.f)) == B(__extendxftf2(xl.f)), "extendxftf2 %04x %016llx\\n", xl.p.se, (unsigned long long)xl.p.m);
#endif
  }
  return finish();
}
`;

for (const t of TARGETS) {
  test(`binary128 soft-float matches libgcc bit for bit (${t.name})`, () => {
    requireTools(t);
    const objs = buildRuntime(t, ['softfp128.c'], true);
    // NaN results too are compared bit for bit (set NAN_ANY to 1 to accept any NaN for a NaN).
    const out = runDriver(t, 'softfp128', DRIVER.replace('NAN_ANY', '0'), objs);
    const [checked, failed, text] = summary(out);
    assert.is(failed, 0, text);
    assert.ok(checked > 400000, `only ${checked} checks`);
    console.log(`  ${t.name}: ${checked} checks`);
  });
}

test.run();
