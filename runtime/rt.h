/* rt.h: types and small helpers shared by the runtime's C files.
 *
 * The runtime is the code that generated programs call where the machine has no single
 * instruction: it must not call itself by accident.  So this header gives 128-bit variable
 * shifts, 64x64->128 and 128x128->256 multiplies and leading-zero counts written on 64-bit
 * halves, and the runtime's files use these instead of the C operators that a back end might
 * lower to a runtime call (128-bit *, /, %, variable <<, >>, and __builtin_clz on targets
 * without a count instruction).  128-bit +, -, &, |, ^, ~, comparisons and shifts by a
 * constant are left to the compiler: every 64-bit back end does them inline.
 *
 * Freestanding: only the compiler's own <stdint.h>.  All targets are little-endian.
 */
#ifndef CC_TS_RUNTIME_RT_H
#define CC_TS_RUNTIME_RT_H

#include <stdint.h>

typedef unsigned __int128 u128;
typedef __int128 i128;

/* binary128: long double where it has that format (AArch64, RISC-V), else _Float128 (x86-64). */
#if __LDBL_MANT_DIG__ == 113
#define F128 long double
#else
#define F128 _Float128
#endif
typedef F128 f128;   /* F128 itself where a type must be spelt out, as in _Complex F128 */

/* What libgcc's comparison helpers (__eqtf2, __cmpti2, ...) return: its __libgcc_cmp_return__
   mode, a machine word except on AArch64, where it is 32 bits.  gcc's callers on x86-64 test all
   64 bits of %rax, so an int there would break them. */
#if defined(__aarch64__)
typedef int cmp_t;
#else
typedef long cmp_t;
#endif

static inline u128 mk128(uint64_t hi, uint64_t lo) { return ((u128)hi << 64) | lo; }
static inline uint64_t hi64(u128 x) { return (uint64_t)(x >> 64); }
static inline uint64_t lo64(u128 x) { return (uint64_t)x; }

/* Count leading zeros of a nonzero 64-bit value by halving. */
static inline int clz64(uint64_t x) {
  int n = 0;
  if (!(x >> 32)) { n += 32; x <<= 32; }
  if (!(x >> 48)) { n += 16; x <<= 16; }
  if (!(x >> 56)) { n += 8; x <<= 8; }
  if (!(x >> 60)) { n += 4; x <<= 4; }
  if (!(x >> 62)) { n += 2; x <<= 2; }
  if (!(x >> 63)) { n += 1; }
  return n;
}

/* Count trailing zeros of a nonzero 64-bit value. */
static inline int ctz64(uint64_t x) {
  int n = 0;
  if (!(x & 0xffffffffu)) { n += 32; x >>= 32; }
  if (!(x & 0xffffu)) { n += 16; x >>= 16; }
  if (!(x & 0xffu)) { n += 8; x >>= 8; }
  if (!(x & 0xfu)) { n += 4; x >>= 4; }
  if (!(x & 0x3u)) { n += 2; x >>= 2; }
  if (!(x & 0x1u)) { n += 1; }
  return n;
}

/* Leading zeros of a 128-bit value; 128 for zero. */
static inline int clz128(u128 x) {
  uint64_t h = hi64(x), l = lo64(x);
  if (h) return clz64(h);
  if (l) return 64 + clz64(l);
  return 128;
}

/* x << n for 0 <= n < 128. */
static inline u128 shl128(u128 x, int n) {
  uint64_t h = hi64(x), l = lo64(x);
  if (n == 0) return x;
  if (n >= 64) return mk128(l << (n - 64), 0);
  return mk128((h << n) | (l >> (64 - n)), l << n);
}

/* Logical x >> n for 0 <= n < 128. */
static inline u128 shr128(u128 x, int n) {
  uint64_t h = hi64(x), l = lo64(x);
  if (n == 0) return x;
  if (n >= 64) return mk128(0, h >> (n - 64));
  return mk128(h >> n, (l >> n) | (h << (64 - n)));
}

/* Arithmetic x >> n for 0 <= n < 128. */
static inline i128 sar128(i128 x, int n) {
  uint64_t h = hi64((u128)x), l = lo64((u128)x);
  uint64_t s = (uint64_t)((int64_t)h >> 63);
  if (n == 0) return x;
  if (n >= 64) return (i128)mk128(s, (uint64_t)((int64_t)h >> (n - 64)));
  return (i128)mk128((uint64_t)((int64_t)h >> n), (l >> n) | (h << (64 - n)));
}

/* x >> n for any n >= 0, OR-ing every bit shifted out into bit 0 ("sticky"). */
static inline u128 shr128_sticky(u128 x, int n) {
  if (n == 0) return x;
  if (n >= 128) return x != 0;
  return shr128(x, n) | (shl128(x, 128 - n) != 0);
}

/* Full 64x64 -> 128 product from 32-bit pieces. */
static inline u128 mul64(uint64_t a, uint64_t b) {
  uint64_t a0 = a & 0xffffffffu, a1 = a >> 32, b0 = b & 0xffffffffu, b1 = b >> 32;
  uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);
  uint64_t lo = (mid << 32) | (p00 & 0xffffffffu);
  uint64_t hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
  return mk128(hi, lo);
}

/* Low 128 bits of a 128x128 product. */
static inline u128 mul128_lo(u128 a, u128 b) {
  u128 p = mul64(lo64(a), lo64(b));
  uint64_t cross = lo64(a) * hi64(b) + hi64(a) * lo64(b);
  return p + mk128(cross, 0);
}

/* Full 128x128 -> 256 product: *hi:*lo. */
static inline void mul128_full(u128 a, u128 b, u128 *hi, u128 *lo) {
  u128 ll = mul64(lo64(a), lo64(b)), lh = mul64(lo64(a), hi64(b));
  u128 hl = mul64(hi64(a), lo64(b)), hh = mul64(hi64(a), hi64(b));
  u128 mid = (u128)hi64(ll) + lo64(lh) + lo64(hl);
  *lo = mk128(lo64(mid), lo64(ll));
  *hi = hh + hi64(lh) + hi64(hl) + hi64(mid);
}

#endif
