/* int128.c: 128-bit integer helpers (libgcc's __divti3 family) and -ftrapv arithmetic.
 *
 * Division: 128/128 is reduced to 128/64 steps.  div128by64 divides a two-word numerator by a
 * one-word divisor when the quotient fits one word (the high word is below the divisor): it
 * normalises the divisor so its top bit is set and produces the quotient in two 32-bit digits,
 * each estimated from the top digits and corrected at most twice (Knuth, TAOCP vol. 2, 4.3.1,
 * algorithm D with base 2^32).  A divisor of two words gives a quotient of one word; it is
 * estimated from the divisor's top 64 bits after normalisation, is exact or one too large
 * after a decrement, and one comparison fixes it (Hacker's Delight, 9-5).
 */
#include "rt.h"

/* (u1:u0) / v with u1 < v; remainder in *r. */
static uint64_t div128by64(uint64_t u1, uint64_t u0, uint64_t v, uint64_t *r) {
  const uint64_t b = (uint64_t)1 << 32;
  int s = clz64(v);
  v <<= s;
  uint64_t vn1 = v >> 32, vn0 = v & 0xffffffffu;
  uint64_t un32 = s ? (u1 << s) | (u0 >> (64 - s)) : u1;
  uint64_t un10 = u0 << s, un1 = un10 >> 32, un0 = un10 & 0xffffffffu;
  uint64_t q1 = un32 / vn1, rhat = un32 - q1 * vn1;
  while (q1 >= b || q1 * vn0 > ((rhat << 32) | un1)) {
    q1--; rhat += vn1;
    if (rhat >= b) break;
  }
  uint64_t un21 = (un32 << 32) + un1 - q1 * v;
  uint64_t q0 = un21 / vn1;
  rhat = un21 - q0 * vn1;
  while (q0 >= b || q0 * vn0 > ((rhat << 32) | un0)) {
    q0--; rhat += vn1;
    if (rhat >= b) break;
  }
  *r = ((un21 << 32) + un0 - q0 * v) >> s;
  return (q1 << 32) + q0;
}

static u128 udivmod128(u128 u, u128 v, u128 *rem) {
  uint64_t vh = hi64(v), vl = lo64(v), uh = hi64(u), ul = lo64(u), r;
  if (vh == 0) {
    if (vl == 0) __builtin_trap();          /* division by zero, as the hardware would */
    if (uh < vl) {
      uint64_t q = div128by64(uh, ul, vl, &r);
      if (rem) *rem = r;
      return q;
    }
    uint64_t q1 = uh / vl, k = uh - q1 * vl;
    uint64_t q0 = div128by64(k, ul, vl, &r);
    if (rem) *rem = r;
    return mk128(q1, q0);
  }
  if (u < v) {
    if (rem) *rem = u;
    return 0;
  }
  int n = clz64(vh);
  uint64_t v1 = hi64(shl128(v, n));
  u128 u1 = u >> 1;
  uint64_t q = div128by64(hi64(u1), lo64(u1), v1, &r);
  q >>= 63 - n;                             /* q * 2^n / 2^63 */
  if (q != 0) q--;
  u128 left = u - mul128_lo(q, v);
  if (left >= v) { q++; left -= v; }
  if (rem) *rem = left;
  return q;
}

u128 __udivmodti4(u128 a, u128 b, u128 *rem) { return udivmod128(a, b, rem); }
u128 __udivti3(u128 a, u128 b) { return udivmod128(a, b, 0); }
u128 __umodti3(u128 a, u128 b) { u128 r; udivmod128(a, b, &r); return r; }

static u128 uabs128(i128 a) { return a < 0 ? -(u128)a : (u128)a; }

i128 __divmodti4(i128 a, i128 b, i128 *rem) {
  u128 r, q = udivmod128(uabs128(a), uabs128(b), &r);
  if (rem) *rem = (i128)(a < 0 ? -r : r);
  return (i128)((a < 0) != (b < 0) ? -q : q);
}
i128 __divti3(i128 a, i128 b) { return __divmodti4(a, b, 0); }
i128 __modti3(i128 a, i128 b) { i128 r; __divmodti4(a, b, &r); return r; }

i128 __ashlti3(i128 a, int n) { return (i128)shl128((u128)a, n); }
i128 __ashrti3(i128 a, int n) { return sar128(a, n); }
u128 __lshrti3(u128 a, int n) { return shr128(a, n); }
i128 __multi3(i128 a, i128 b) { return (i128)mul128_lo((u128)a, (u128)b); }
i128 __negti2(i128 a) { return (i128)-(u128)a; }

/* Comparisons answer 0, 1, 2 for less, equal, greater (cmp_t: see rt.h). */
cmp_t __cmpti2(i128 a, i128 b) { return a < b ? 0 : a == b ? 1 : 2; }
cmp_t __ucmpti2(u128 a, u128 b) { return a < b ? 0 : a == b ? 1 : 2; }

/* -ftrapv: arithmetic that traps on signed overflow. */
int __addvsi3(int a, int b) {
  int r = (int)((unsigned)a + (unsigned)b);
  if (b >= 0 ? r < a : r > a) __builtin_trap();
  return r;
}
long __addvdi3(long a, long b) {
  long r = (long)((unsigned long)a + (unsigned long)b);
  if (b >= 0 ? r < a : r > a) __builtin_trap();
  return r;
}
i128 __addvti3(i128 a, i128 b) {
  i128 r = (i128)((u128)a + (u128)b);
  if (b >= 0 ? r < a : r > a) __builtin_trap();
  return r;
}
int __subvsi3(int a, int b) {
  int r = (int)((unsigned)a - (unsigned)b);
  if (b >= 0 ? r > a : r < a) __builtin_trap();
  return r;
}
long __subvdi3(long a, long b) {
  long r = (long)((unsigned long)a - (unsigned long)b);
  if (b >= 0 ? r > a : r < a) __builtin_trap();
  return r;
}
i128 __subvti3(i128 a, i128 b) {
  i128 r = (i128)((u128)a - (u128)b);
  if (b >= 0 ? r > a : r < a) __builtin_trap();
  return r;
}
int __mulvsi3(int a, int b) {
  long p = (long)a * b;
  if (p != (int)p) __builtin_trap();
  return (int)p;
}
long __mulvdi3(long a, long b) {
  u128 p = mul64(a < 0 ? -(uint64_t)a : (uint64_t)a, b < 0 ? -(uint64_t)b : (uint64_t)b);
  uint64_t limit = ((uint64_t)1 << 63) - ((a < 0) == (b < 0));
  if (hi64(p) != 0 || lo64(p) > limit) __builtin_trap();
  return (a < 0) != (b < 0) ? (long)-lo64(p) : (long)lo64(p);
}
i128 __mulvti3(i128 a, i128 b) {
  u128 hi, lo, one = 1;
  mul128_full(uabs128(a), uabs128(b), &hi, &lo);
  u128 limit = (one << 127) - ((a < 0) == (b < 0));
  if (hi != 0 || lo > limit) __builtin_trap();
  return (a < 0) != (b < 0) ? (i128)-lo : (i128)lo;
}
int __negvsi2(int a) { if (a == (int)(1u << 31)) __builtin_trap(); return -a; }
long __negvdi2(long a) { if (a == (long)(1ul << 63)) __builtin_trap(); return -a; }
i128 __negvti2(i128 a) { if (a == (i128)((u128)1 << 127)) __builtin_trap(); return -a; }
int __absvsi2(int a) { return a < 0 ? __negvsi2(a) : a; }
long __absvdi2(long a) { return a < 0 ? __negvdi2(a) : a; }
i128 __absvti2(i128 a) { return a < 0 ? __negvti2(a) : a; }
