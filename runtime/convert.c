/* convert.c: conversions between 128-bit integers and float, double and (on x86) the x87
 * 80-bit long double, and the float-to-unsigned-64 helpers libgcc also exports.
 *
 * int -> float rounds to nearest, ties to even: the magnitude is cut to the format's significand
 * plus guard, round and sticky bits, rounded, and packed by adding (exponent - 1) << F so that the
 * leading 1 (or a carry out of rounding) increments the exponent field.  float -> int truncates;
 * out of range and NaN saturate (signed: by sign; unsigned: 0 for negatives, else all ones),
 * where C leaves the result undefined.
 */
#include "rt.h"

typedef union { float f; uint32_t u; } sfbits;
typedef union { double f; uint64_t u; } dfbits;

/* Bits (without the sign) of the IEEE value nearest to n != 0, F fraction bits. */
static uint64_t round_to_ieee(u128 n, int F, int ebits) {
  int top = 127 - clz128(n), bias = ((1 << ebits) - 1) >> 1;
  u128 m = top > F + 3 ? shr128_sticky(n, top - F - 3) : shl128(n, F + 3 - top);
  unsigned low = (unsigned)lo64(m) & 7;
  uint64_t r = lo64(m) >> 3;
  if (low > 4 || (low == 4 && (r & 1))) r++;
  return ((uint64_t)(top + bias - 1) << F) + r;          /* float: 2^128 rounds to infinity */
}

static u128 mag(i128 a) { return a < 0 ? -(u128)a : (u128)a; }

float __floattisf(i128 a) {
  sfbits b; b.u = a ? (uint32_t)round_to_ieee(mag(a), 23, 8) | (a < 0 ? 0x80000000u : 0) : 0;
  return b.f;
}
float __floatuntisf(u128 a) { sfbits b; b.u = a ? (uint32_t)round_to_ieee(a, 23, 8) : 0; return b.f; }
double __floattidf(i128 a) {
  dfbits b; b.u = a ? round_to_ieee(mag(a), 52, 11) | (a < 0 ? (uint64_t)1 << 63 : 0) : 0;
  return b.f;
}
double __floatuntidf(u128 a) { dfbits b; b.u = a ? round_to_ieee(a, 52, 11) : 0; return b.f; }

/* |value| truncated for an IEEE value v with F fraction bits; *over when >= 2^width or NaN/inf. */
static u128 ieee_trunc(uint64_t v, int F, int ebits, int width, int *over) {
  int emax = (1 << ebits) - 1, e = (int)(v >> F) & emax, unb = e - (emax >> 1);
  uint64_t m = (v & (((uint64_t)1 << F) - 1)) | ((uint64_t)1 << F);
  *over = e == emax || unb >= width;
  if (*over || unb < 0) return 0;
  return unb >= F ? shl128(m, unb - F) : m >> (F - unb);
}

static i128 sat_signed(u128 m, int neg, int over, int width) {
  u128 lim = (u128)1 << (width - 1);
  if (over || m > lim || (m == lim && !neg)) return neg ? -(i128)(lim - 1) - 1 : (i128)(lim - 1);
  return neg ? (i128)-m : (i128)m;
}
static u128 sat_unsigned(u128 m, int neg, int over, int width) {
  if (neg) return 0;
  if (over) return width == 128 ? ~(u128)0 : ((u128)1 << width) - 1;
  return m;
}

#define SF_IN(a) sfbits b; b.f = a; int over, neg = (int)(b.u >> 31)
#define DF_IN(a) dfbits b; b.f = a; int over, neg = (int)(b.u >> 63)
i128 __fixsfti(float a) { SF_IN(a); u128 m = ieee_trunc(b.u, 23, 8, 128, &over); return sat_signed(m, neg, over, 128); }
i128 __fixdfti(double a) { DF_IN(a); u128 m = ieee_trunc(b.u, 52, 11, 128, &over); return sat_signed(m, neg, over, 128); }
u128 __fixunssfti(float a) { SF_IN(a); u128 m = ieee_trunc(b.u, 23, 8, 128, &over); return sat_unsigned(m, neg, over, 128); }
u128 __fixunsdfti(double a) { DF_IN(a); u128 m = ieee_trunc(b.u, 52, 11, 128, &over); return sat_unsigned(m, neg, over, 128); }
uint64_t __fixunssfdi(float a) { SF_IN(a); u128 m = ieee_trunc(b.u, 23, 8, 64, &over); return (uint64_t)sat_unsigned(m, neg, over, 64); }
uint64_t __fixunsdfdi(double a) { DF_IN(a); u128 m = ieee_trunc(b.u, 52, 11, 64, &over); return (uint64_t)sat_unsigned(m, neg, over, 64); }

#if defined(__x86_64__)
/* x87 extended: 64-bit significand with explicit integer bit, exponent bias 16383. */
typedef union { long double f; struct { uint64_t m; uint16_t se; } p; } xfbits;

static long double xf_from(u128 n, int neg) {
  xfbits b;
  b.p.m = 0; b.p.se = neg ? 0x8000 : 0;
  if (n == 0) return b.f;
  int top = 127 - clz128(n);
  u128 m = top > 66 ? shr128_sticky(n, top - 66) : shl128(n, 66 - top);
  unsigned low = (unsigned)lo64(m) & 7;
  m >>= 3;
  if (low > 4 || (low == 4 && (lo64(m) & 1))) m++;
  if (hi64(m)) { m >>= 1; top++; }
  b.p.m = lo64(m);
  b.p.se |= (uint16_t)(top + 16383);
  return b.f;
}
long double __floattixf(i128 a) { return xf_from(mag(a), a < 0); }
long double __floatuntixf(u128 a) { return xf_from(a, 0); }

static u128 xf_trunc(long double a, int width, int *over, int *neg) {
  xfbits b; b.f = a;
  int e = b.p.se & 0x7fff, unb = e - 16383;
  *neg = b.p.se >> 15;
  *over = e == 0x7fff || unb >= width;
  if (*over || unb < 0) return 0;
  return unb >= 63 ? shl128(b.p.m, unb - 63) : b.p.m >> (63 - unb);
}
i128 __fixxfti(long double a) { int over, neg; u128 m = xf_trunc(a, 128, &over, &neg); return sat_signed(m, neg, over, 128); }
u128 __fixunsxfti(long double a) { int over, neg; u128 m = xf_trunc(a, 128, &over, &neg); return sat_unsigned(m, neg, over, 128); }
uint64_t __fixunsxfdi(long double a) { int over, neg; u128 m = xf_trunc(a, 64, &over, &neg); return (uint64_t)sat_unsigned(m, neg, over, 64); }
#endif
