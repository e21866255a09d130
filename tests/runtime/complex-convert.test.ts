// runtime/complex.c, runtime/powi.c and runtime/convert.c against libgcc, bit for bit, on seeded
// random operands of every shape (normal, huge, tiny, subnormal, zero, infinite, NaN):
// complex multiply and divide for float, double, binary128 (and x87 long double on x86-64),
// __powi*, and the 128-bit integer <-> float/double (x87) conversions.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TARGETS, DRIVER_PRELUDE, buildRuntime, requireTools, runDriver, summary } from './harness';

const DRIVER = DRIVER_PRELUDE + `
#include <stdlib.h>
#include <float.h>
#if __LDBL_MANT_DIG__ == 113
#define F128 long double
#else
#define F128 _Float128
#endif
#define DECLC(S, T) \\
  _Complex T __mul##S##c3(T, T, T, T), rt___mul##S##c3(T, T, T, T), __div##S##c3(T, T, T, T), rt___div##S##c3(T, T, T, T); \\
  T __powi##S##f2(T, int), rt___powi##S##f2(T, int);
DECLC(s, float) DECLC(d, double) DECLC(t, F128)
#ifdef __x86_64__
DECLC(x, long double)
long double __floattixf(i128), rt___floattixf(i128), __floatuntixf(u128), rt___floatuntixf(u128);
i128 __fixxfti(long double), rt___fixxfti(long double);
u128 __fixunsxfti(long double), rt___fixunsxfti(long double);
#endif
float __floattisf(i128), rt___floattisf(i128), __floatuntisf(u128), rt___floatuntisf(u128);
double __floattidf(i128), rt___floattidf(i128), __floatuntidf(u128), rt___floatuntidf(u128);
i128 __fixsfti(float), rt___fixsfti(float), __fixdfti(double), rt___fixdfti(double);
u128 __fixunssfti(float), rt___fixunssfti(float), __fixunsdfti(double), rt___fixunsdfti(double);
unsigned long __fixunsdfdi(double), rt___fixunsdfdi(double), __fixunssfdi(float), rt___fixunssfdi(float);

/* A double of a random shape. */
static double rd(void) {
  double v;
  uint64_t u = rnd();
  switch (rnd() % 10) {
  case 0: return 0.0 * (rnd() & 1 ? -1 : 1);
  case 1: return (rnd() & 1 ? -1 : 1) * __builtin_inf();
  case 2: return __builtin_nan("");
  case 3: u &= 0x800fffffffffffffu; break;                              /* subnormal */
  case 4: u = (u & 0x800fffffffffffffu) | (uint64_t)(0x7fe - rnd() % 3) << 52; break;  /* huge */
  case 5: u = (u & 0x800fffffffffffffu) | (uint64_t)(1 + rnd() % 3) << 52; break;      /* tiny */
  case 6: return (double)(int)(rnd() % 21) - 10;
  default: u = (u & 0x800fffffffffffffu) | (uint64_t)(1023 - 40 + rnd() % 80) << 52; break;
  }
  memcpy(&v, &u, 8);
  return v;
}
/* Same bits, or both NaN. */
#define SAME(T, x, y) (memcmp(&(x), &(y), sizeof(T) == 16 && __LDBL_MANT_DIG__ == 64 && sizeof(x) == sizeof(long double) ? 10 : sizeof(T)) == 0 || ((x) != (x) && (y) != (y)))
#define CMP_COMPLEX(S, T, F, a, b, c, d) do {                                            \\
    _Complex T r1 = rt___##F##S##c3(a, b, c, d), r2 = __##F##S##c3(a, b, c, d);            \\
    T x1 = __real__ r1, y1 = __imag__ r1, x2 = __real__ r2, y2 = __imag__ r2;              \\
    CHECK(SAME(T, x1, x2) && SAME(T, y1, y2), #F #S "c3 (%a %a) (%a %a): (%a %a) (%a %a)\\n", \\
          (double)a, (double)b, (double)c, (double)d, (double)x1, (double)y1, (double)x2, (double)y2); \\
  } while (0)

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 10000;
  for (long i = 0; i < n; i++) {
    double a = rd(), b = rd(), c = rd(), d = rd();
    if (rnd() % 4 == 0) c = d * 0x1p-60;
    CMP_COMPLEX(d, double, mul, a, b, c, d);
    CMP_COMPLEX(d, double, div, a, b, c, d);
    float fa = (float)(a * 0x1p-900), fb = (float)b, fc = (float)(c * 0x1p+900), fd = (float)d;
    if (rnd() & 1) { fa = (float)a; fc = (float)c; }
    CMP_COMPLEX(s, float, mul, fa, fb, fc, fd);
    CMP_COMPLEX(s, float, div, fa, fb, fc, fd);
    F128 ta = (F128)a * (rnd() & 1 ? 0x1p+16000L : 1), tb = (F128)b / 3, tc = (F128)c, td = (F128)d * (rnd() & 1 ? 0x1p-16000L : 1);
    CMP_COMPLEX(t, F128, mul, ta, tb, tc, td);
    CMP_COMPLEX(t, F128, div, ta, tb, tc, td);
    int m = (int)(rnd() % 64) - 32;
    double p1 = rt___powidf2(a, m), p2 = __powidf2(a, m);
    float q1 = rt___powisf2(fb, m), q2 = __powisf2(fb, m);
    F128 t1 = rt___powitf2(tb, m), t2 = __powitf2(tb, m);
    CHECK(SAME(double, p1, p2) && SAME(float, q1, q2) && SAME(F128, t1, t2), "powi %a %a %d\\n", a, (double)fb, m);
#ifdef __x86_64__
    long double la = (long double)a * 0x1p+15000L, lb = (long double)b / 3, lc = c, ld = (long double)d * (rnd() & 1 ? 0x1p-15000L : 1);
    CMP_COMPLEX(x, long double, mul, la, lb, lc, ld);
    CMP_COMPLEX(x, long double, div, la, lb, lc, ld);
    long double l1 = rt___powixf2(lb, m), l2 = __powixf2(lb, m);
    CHECK(memcmp(&l1, &l2, 10) == 0, "powixf2 %La %d\\n", lb, m);
#endif
    /* 128-bit integers to and from floating point: in range (libgcc's own results outside it
       differ between its C and soft-fp versions) */
    u128 r = r128();
    char hx[40];
    hex128(hx, r);
    float f1 = rt___floattisf((i128)r), f2 = __floattisf((i128)r);
    float g1 = rt___floatuntisf(r), g2 = __floatuntisf(r);
    double d1 = rt___floattidf((i128)r), d2 = __floattidf((i128)r);
    double e1 = rt___floatuntidf(r), e2 = __floatuntidf(r);
    CHECK(memcmp(&f1, &f2, 4) == 0 && memcmp(&g1, &g2, 4) == 0, "floattisf %s\\n", hx);
    CHECK(memcmp(&d1, &d2, 8) == 0 && memcmp(&e1, &e2, 8) == 0, "floattidf %s\\n", hx);
    double v = a * (double)(rnd() % (1ull << 40)) * 0x1p-20;
    if (v == v && __builtin_fabs(v) < 0x1p126) {
      CHECK(rt___fixdfti(v) == __fixdfti(v) && rt___fixsfti((float)v) == __fixsfti((float)v), "fixdfti %a\\n", v);
      if (v >= 0) CHECK(rt___fixunsdfti(v) == __fixunsdfti(v) && rt___fixunssfti((float)v) == __fixunssfti((float)v), "fixunsdfti %a\\n", v);
      if (v >= 0 && v < 0x1p63) CHECK(rt___fixunsdfdi(v) == __fixunsdfdi(v) && rt___fixunssfdi((float)v) == __fixunssfdi((float)v), "fixunsdfdi %a\\n", v);
    }
#ifdef __x86_64__
    long double x1 = rt___floattixf((i128)r), x2 = __floattixf((i128)r), z1 = rt___floatuntixf(r), z2 = __floatuntixf(r);
    CHECK(memcmp(&x1, &x2, 10) == 0 && memcmp(&z1, &z2, 10) == 0, "floattixf %s\\n", hx);
    long double lv = (long double)v * 1.0000001L;
    if (v == v && __builtin_fabs(v) < 0x1p126) {
      CHECK(rt___fixxfti(lv) == __fixxfti(lv), "fixxfti %La\\n", lv);
      if (lv >= 0) CHECK(rt___fixunsxfti(lv) == __fixunsxfti(lv), "fixunsxfti %La\\n", lv);
    }
#endif
  }
  return finish();
}
`;

for (const t of TARGETS) {
  test(`complex, powi and int128 conversions match libgcc (${t.name})`, () => {
    requireTools(t);
    // libgcc is built with gcc's default -ffp-contract=fast, which fuses a*b+c on AArch64 and
    // RISC-V; to compare bit for bit, the runtime is built the same way there (cc-ts never fuses,
    // so its build rounds each product, as the x86-64 comparison shows to be the same algorithm).
    const contract = t.name === 'x86_64' ? [] : ['-ffp-contract=fast'];
    const objs = buildRuntime(t, ['complex.c', 'powi.c', 'convert.c', 'softfp128.c'], true, contract);
    const [checked, failed, text] = summary(runDriver(t, 'complex', DRIVER, objs));
    assert.is(failed, 0, text);
    assert.ok(checked > 100000, `only ${checked} checks`);
    console.log(`  ${t.name}: ${checked} checks`);
  });
}

test.run();
