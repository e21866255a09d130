/* softfp128.c: IEEE binary128 arithmetic in software (libgcc's __addtf3 family).
 *
 * AArch64 and RISC-V keep long double in this format with no hardware for it; on x86-64 it is
 * _Float128 (__float128).  Results are exactly rounded, to nearest with ties to even; the
 * rounding mode is not consulted and no exception flags are raised.
 *
 * Every operation works on the bit pattern (u128) and never on _Float128 values, so nothing here
 * can call back into itself.  A finite value in flight is (sign, e, m) with
 *     value = m / 2^115 * 2^(e - 16383),
 * that is: the significand's leading 1 sits at bit 115 and bits 2..0 are the guard, round and
 * sticky bits.  finish() normalises any nonzero m to that shape, shifts a value that is too
 * small for a normal number into the subnormal range (e = 1), rounds, and packs.  Packing adds
 * (e - 1) << 112 to the rounded 113-bit significand, so the implicit bit (or a carry out of the
 * rounding) lands in the exponent field by itself, and a subnormal stays one.
 *
 * NaNs: targets disagree about which NaN an operation returns; see nan_result().
 */
#include "rt.h"

typedef f128 tf;
typedef union { tf f; u128 u; } tfbits;

#define BIAS 16383
#define SIGN ((u128)1 << 127)
#define IMPLICIT ((u128)1 << 112)
#define FRAC_MASK (IMPLICIT - 1)
#define QUIET ((u128)1 << 111)
#define INF ((u128)0x7fff << 112)

static inline u128 bits(tf x) { tfbits b; b.f = x; return b.u; }
static inline tf value(u128 u) { tfbits b; b.u = u; return b.f; }
static inline int expo(u128 u) { return (int)(hi64(u) >> 48) & 0x7fff; }
static inline int isnan_b(u128 u) { return (u & ~SIGN) > INF; }
static inline int iszero_b(u128 u) { return (u & ~SIGN) == 0; }

/* NaN results.  x86-64 (as libgcc does there, following the x87) and AArch64 return an input
   NaN made quiet; the default NaN of an invalid operation is negative with only the quiet bit on x86, and
   positive with every fraction bit set on AArch64 (libgcc's choice, not the hardware's).
   RISC-V always returns the canonical NaN (positive, only the quiet bit set). */
#if defined(__riscv)
#define KEEP_NAN 0
#define DEFAULT_NAN (INF | QUIET)
#elif defined(__x86_64__) || defined(__i386__)
#define KEEP_NAN 1
#define DEFAULT_NAN (SIGN | INF | QUIET)
#else
#define KEEP_NAN 1
#define DEFAULT_NAN (INF | FRAC_MASK)
#endif

/* The NaN an operation on a and b returns when at least one is a NaN; tie_b for - and /. */
static u128 nan_result(u128 a, u128 b, int tie_b) {
  if (!KEEP_NAN) return DEFAULT_NAN;
  if (!isnan_b(a)) return b | QUIET;
  if (!isnan_b(b)) return a | QUIET;
#if defined(__x86_64__) || defined(__i386__)
  /* the x87 rule: the larger fraction (so a quiet NaN beats a signalling one); on a tie,
     libgcc answers a for + and *, b for - and / */
  if ((b & FRAC_MASK) > (a & FRAC_MASK) || ((b & FRAC_MASK) == (a & FRAC_MASK) && tie_b)) return b | QUIET;
#else
  (void)tie_b;
  if (!(a & QUIET)) return a | QUIET;                  /* first signalling, else first quiet */
  if (!(b & QUIET)) return b | QUIET;
#endif
  return a | QUIET;
}

/* Round m (leading 1 at bit 115 or, when e == 1, below it) to 113 bits and pack. */
static u128 round_pack(u128 sign, int e, u128 m) {
  if (e >= 0x7fff) return sign | INF;
  unsigned low = (unsigned)lo64(m) & 7;
  m >>= 3;
  if (low > 4 || (low == 4 && (lo64(m) & 1))) m++;
  return sign | (((u128)(unsigned)(e - 1) << 112) + m);
}

/* Normalise a nonzero m to the in-flight shape, denormalise if needed, round and pack. */
static u128 finish(u128 sign, int e, u128 m) {
  int shift = clz128(m) - 12;                    /* brings the leading 1 to bit 115 */
  if (shift > 0) m = shl128(m, shift);
  else if (shift < 0) m = shr128_sticky(m, -shift);
  e -= shift;
  if (e < 1) {
    m = shr128_sticky(m, 1 - e);
    e = 1;
  }
  return round_pack(sign, e, m);
}

/* Significand with the implicit bit, and the exponent a subnormal really has (1). */
static inline u128 signif(u128 u) { return expo(u) ? (u & FRAC_MASK) | IMPLICIT : u & FRAC_MASK; }
static inline int real_exp(u128 u) { return expo(u) ? expo(u) : 1; }

/* Significand normalised so bit 112 is set; *e adjusted (may go below 1). */
static u128 norm_signif(u128 u, int *e) {
  u128 m = signif(u);
  int shift = clz128(m) - 15;
  *e = real_exp(u) - shift;
  return shl128(m, shift);
}

static u128 add_bits(u128 a, u128 b, int sub) {
  if (isnan_b(a) || isnan_b(b)) return nan_result(a, b, sub);
  u128 sa = a & SIGN, sb = b & SIGN;
  if (expo(a) == 0x7fff) return expo(b) == 0x7fff && sa != sb ? DEFAULT_NAN : a;
  if (expo(b) == 0x7fff) return b;
  if (iszero_b(a) && iszero_b(b)) return sa & sb;          /* -0 only for -0 + -0 */
  if ((a & ~SIGN) < (b & ~SIGN)) { u128 t = a; a = b; b = t; t = sa; sa = sb; sb = t; }
  int ea = real_exp(a), eb = real_exp(b);
  u128 ma = signif(a) << 3, mb = shr128_sticky(signif(b) << 3, ea - eb);
  u128 m = sa == sb ? ma + mb : ma - mb;
  if (m == 0) return 0;                                    /* x - x is +0 */
  return finish(sa, ea, m);
}

static u128 mul_bits(u128 a, u128 b) {
  if (isnan_b(a) || isnan_b(b)) return nan_result(a, b, 0);
  u128 sign = (a ^ b) & SIGN;
  if (expo(a) == 0x7fff) return iszero_b(b) ? DEFAULT_NAN : sign | INF;
  if (expo(b) == 0x7fff) return iszero_b(a) ? DEFAULT_NAN : sign | INF;
  if (iszero_b(a) || iszero_b(b)) return sign;
  int ea, eb;
  u128 ma = norm_signif(a, &ea), mb = norm_signif(b, &eb), hi, lo;
  mul128_full(ma, mb, &hi, &lo);                           /* < 2^226, leading 1 at 224 or 225 */
  u128 m = shl128(hi, 19) | shr128(lo, 109) | ((lo & (((u128)1 << 109) - 1)) != 0);
  return finish(sign, ea + eb - BIAS, m);
}

static u128 div_bits(u128 a, u128 b) {
  if (isnan_b(a) || isnan_b(b)) return nan_result(a, b, 1);
  u128 sign = (a ^ b) & SIGN;
  if (expo(a) == 0x7fff) return expo(b) == 0x7fff ? DEFAULT_NAN : sign | INF;
  if (expo(b) == 0x7fff) return sign;
  if (iszero_b(b)) return iszero_b(a) ? DEFAULT_NAN : sign | INF;
  if (iszero_b(a)) return sign;
  int ea, eb;
  u128 ma = norm_signif(a, &ea), mb = norm_signif(b, &eb), q = 0;
  int e = ea - eb + BIAS;
  if (ma < mb) { ma <<= 1; e--; }                         /* quotient in [1, 2) */
  for (int i = 0; i < 116; i++) {                          /* bits 115..0 of ma / mb */
    q <<= 1;
    if (ma >= mb) { ma -= mb; q |= 1; }
    ma <<= 1;
  }
  return finish(sign, e, q | (ma != 0));
}

tf __addtf3(tf a, tf b) { return value(add_bits(bits(a), bits(b), 0)); }
tf __subtf3(tf a, tf b) {
  u128 nb = bits(b);
  if (!isnan_b(nb)) nb ^= SIGN;                            /* a NaN operand keeps its sign */
  return value(add_bits(bits(a), nb, 1));
}
tf __multf3(tf a, tf b) { return value(mul_bits(bits(a), bits(b))); }
tf __divtf3(tf a, tf b) { return value(div_bits(bits(a), bits(b))); }
tf __negtf2(tf a) { return value(bits(a) ^ SIGN); }

/* -1, 0, 1 for a <, ==, > b; `unord` when either is a NaN. */
static int compare(u128 a, u128 b, int unord) {
  if (isnan_b(a) || isnan_b(b)) return unord;
  if (iszero_b(a) && iszero_b(b)) return 0;
  if ((a ^ b) & SIGN) return a & SIGN ? -1 : 1;
  if (a == b) return 0;
  int less = (a & ~SIGN) < (b & ~SIGN);
  return (a & SIGN) ? (less ? 1 : -1) : (less ? -1 : 1);
}

/* libgcc's answers: eq/ne give 0 when equal, else 1; lt/le answer 2 and gt/ge -2 when
   unordered, so that the caller's test (r < 0, r <= 0, r > 0, r >= 0) is false.  cmp_t: see rt.h. */
cmp_t __eqtf2(tf a, tf b) { return compare(bits(a), bits(b), 1) != 0; }
cmp_t __netf2(tf a, tf b) { return compare(bits(a), bits(b), 1) != 0; }
cmp_t __lttf2(tf a, tf b) { return compare(bits(a), bits(b), 2); }
cmp_t __letf2(tf a, tf b) { return compare(bits(a), bits(b), 2); }
cmp_t __gttf2(tf a, tf b) { return compare(bits(a), bits(b), -2); }
cmp_t __getf2(tf a, tf b) { return compare(bits(a), bits(b), -2); }
cmp_t __unordtf2(tf a, tf b) { return isnan_b(bits(a)) || isnan_b(bits(b)); }

/* ---- integers to binary128 ---- */

static u128 from_int(u128 sign, u128 n) { return n ? finish(sign, BIAS + 115, n) : sign; }

tf __floatsitf(int a) { return value(from_int(a < 0 ? SIGN : 0, a < 0 ? -(u128)a : (u128)a)); }
tf __floatditf(int64_t a) { return value(from_int(a < 0 ? SIGN : 0, a < 0 ? -(u128)a : (u128)a)); }
tf __floattitf(i128 a) { return value(from_int(a < 0 ? SIGN : 0, a < 0 ? -(u128)a : (u128)a)); }
tf __floatunsitf(unsigned a) { return value(from_int(0, a)); }
tf __floatunditf(uint64_t a) { return value(from_int(0, a)); }
tf __floatuntitf(u128 a) { return value(from_int(0, a)); }

/* ---- binary128 to integers, truncating toward zero ----
   Out of range (and NaN): the signed conversions saturate by sign; the unsigned ones give 0
   for negative numbers and all ones for large ones, as libgcc's soft-fp does. */

/* |a| truncated, or *over set when |a| >= 2^width. */
static u128 trunc_mag(u128 a, int width, int *over) {
  int e = expo(a) - BIAS;
  *over = 0;
  if (e < 0) return 0;
  if (e >= width) { *over = 1; return 0; }
  u128 m = signif(a);
  return e >= 112 ? shl128(m, e - 112) : shr128(m, 112 - e);
}

static i128 to_signed(u128 a, int width) {
  int over, neg = (a & SIGN) != 0;
  u128 mag = trunc_mag(a, width, &over), lim = (u128)1 << (width - 1);
  if (over || mag > lim || (mag == lim && !neg)) return neg ? -(i128)(lim - 1) - 1 : (i128)(lim - 1);
  return neg ? (i128)-mag : (i128)mag;
}

static u128 to_unsigned(u128 a, int width) {
  int over;
  u128 mag = trunc_mag(a, width, &over);
  if (a & SIGN) return 0;
  if (over) return width == 128 ? ~(u128)0 : ((u128)1 << width) - 1;
  return mag;
}

int __fixtfsi(tf a) { return (int)to_signed(bits(a), 32); }
int64_t __fixtfdi(tf a) { return (int64_t)to_signed(bits(a), 64); }
i128 __fixtfti(tf a) { return to_signed(bits(a), 128); }
unsigned __fixunstfsi(tf a) { return (unsigned)to_unsigned(bits(a), 32); }
uint64_t __fixunstfdi(tf a) { return (uint64_t)to_unsigned(bits(a), 64); }
u128 __fixunstfti(tf a) { return to_unsigned(bits(a), 128); }

/* ---- other binary formats ---- */

/* Widen an IEEE value with F fraction bits and exponent bias `bias` (exact). */
static u128 widen(uint64_t v, int F, int ebits) {
  int emax = (1 << ebits) - 1, bias = emax >> 1;
  u128 sign = (u128)(v >> (F + ebits)) << 127;
  int e = (int)(v >> F) & emax;
  uint64_t f = v & (((uint64_t)1 << F) - 1);
  if (e == emax) {
    if (f == 0) return sign | INF;
    return sign | INF | QUIET | ((u128)f << (112 - F));  /* every target keeps the payload here */
  }
  if (e == 0 && f == 0) return sign;
  uint64_t m = e ? f | ((uint64_t)1 << F) : f;
  return finish(sign, (e ? e : 1) - bias - F + 115 + BIAS, m);
}

/* Narrow to an IEEE format with F fraction bits (F + ebits + 1 <= 64), rounding. */
static uint64_t narrow(u128 a, int F, int ebits) {
  int emax = (1 << ebits) - 1, bias = emax >> 1;
  uint64_t sign = (uint64_t)(a >> 127) << (F + ebits), inf = sign | ((uint64_t)emax << F);
  int e = expo(a);
  if (e == 0x7fff) {
    if ((a & FRAC_MASK) == 0) return inf;
    if (!KEEP_NAN) return ((uint64_t)emax << F) | ((uint64_t)1 << (F - 1));
    return inf | ((uint64_t)1 << (F - 1)) | (uint64_t)shr128(a & FRAC_MASK, 112 - F);
  }
  if (iszero_b(a)) return sign;
  int E = real_exp(a) - BIAS + bias;
  u128 m = shr128_sticky(signif(a), 112 - F - 3);
  if (E < 1) { m = shr128_sticky(m, 1 - E); E = 1; }
  if (E >= emax) return inf;
  unsigned low = (unsigned)lo64(m) & 7;
  uint64_t r = lo64(m) >> 3;
  if (low > 4 || (low == 4 && (r & 1))) r++;
  return sign | (((uint64_t)(E - 1) << F) + r);
}

typedef union { float f; uint32_t u; } sfbits;
typedef union { double f; uint64_t u; } dfbits;

tf __extendsftf2(float a) { sfbits b; b.f = a; return value(widen(b.u, 23, 8)); }
tf __extenddftf2(double a) { dfbits b; b.f = a; return value(widen(b.u, 52, 11)); }
float __trunctfsf2(tf a) { sfbits b; b.u = (uint32_t)narrow(bits(a), 23, 8); return b.f; }
double __trunctfdf2(tf a) { dfbits b; b.u = narrow(bits(a), 52, 11); return b.f; }

#if defined(__x86_64__) || defined(__i386__)
/* The x87 80-bit format: 64-bit significand with an explicit integer bit, same exponent bias. */
typedef union { long double f; struct { uint64_t m; uint16_t se; } p; } xfbits;

tf __extendxftf2(long double a) {
  xfbits b; b.f = a;
  u128 sign = (u128)(b.p.se >> 15) << 127;
  int e = b.p.se & 0x7fff;
  if (e == 0x7fff) {
    if ((b.p.m << 1) == 0) return value(sign | INF);
    return value(sign | INF | QUIET | ((u128)(b.p.m << 1) << 48));
  }
  if (b.p.m == 0) return value(sign);
  return value(finish(sign, (e ? e : 1) - 63 + 115, b.p.m));
}

long double __trunctfxf2(tf a) {
  u128 u = bits(a);
  xfbits b;
  uint16_t sign = (uint16_t)((u >> 127) << 15);
  int E = real_exp(u);
  b.p.se = sign;
  if (expo(u) == 0x7fff) {
    b.p.se |= 0x7fff;
    b.p.m = (u & FRAC_MASK) ? 0xc000000000000000u | (uint64_t)((u & FRAC_MASK) >> 49) : (uint64_t)1 << 63;
    return b.f;
  }
  u128 m = shr128_sticky(signif(u), 112 - 63 - 3);
  if (m == 0) { b.p.m = 0; return b.f; }
  if (E < 1) { m = shr128_sticky(m, 1 - E); E = 1; }
  unsigned low = (unsigned)lo64(m) & 7;
  m >>= 3;
  if (low > 4 || (low == 4 && (lo64(m) & 1))) m++;
  if (hi64(m)) { m >>= 1; E++; }                           /* rounding carried to 2^64 */
  if (E >= 0x7fff) { b.p.se |= 0x7fff; b.p.m = (uint64_t)1 << 63; return b.f; }
  b.p.m = lo64(m);
  b.p.se |= (b.p.m >> 63) ? (uint16_t)E : 0;
  return b.f;
}
#endif
