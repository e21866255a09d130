/* bits.c: helpers for the bit builtins on targets without the instructions (RISC-V without
 * Zbb calls all of these; x86-64 calls __popcountdi2 without -mpopcnt), plus __gcc_bcmp.
 * __builtin_clz(0) and __builtin_ctz(0) are undefined; these answer the width, as libgcc's
 * generic C versions do on the targets here.
 */
#include "rt.h"

int __clzsi2(unsigned a) { return a ? clz64(a) - 32 : 32; }
int __clzdi2(uint64_t a) { return a ? clz64(a) : 64; }
int __clzti2(u128 a) { return clz128(a); }
int __ctzsi2(unsigned a) { return a ? ctz64(a) : 32; }
int __ctzdi2(uint64_t a) { return a ? ctz64(a) : 64; }
int __ctzti2(u128 a) {
  if (lo64(a)) return ctz64(lo64(a));
  return hi64(a) ? 64 + ctz64(hi64(a)) : 128;
}
int __ffssi2(unsigned a) { return a ? ctz64(a) + 1 : 0; }
int __ffsdi2(uint64_t a) { return a ? ctz64(a) + 1 : 0; }
int __ffsti2(u128 a) { return a ? __ctzti2(a) + 1 : 0; }

/* Redundant sign bits: leading bits equal to the sign bit, not counting the sign bit. */
int __clrsbsi2(int a) { unsigned x = a < 0 ? ~(unsigned)a : (unsigned)a; return __clzsi2(x) - 1; }
int __clrsbdi2(int64_t a) { uint64_t x = a < 0 ? ~(uint64_t)a : (uint64_t)a; return __clzdi2(x) - 1; }
int __clrsbti2(i128 a) { u128 x = a < 0 ? ~(u128)a : (u128)a; return clz128(x) - 1; }

int __popcountdi2(uint64_t a) {
  a = a - ((a >> 1) & 0x5555555555555555u);
  a = (a & 0x3333333333333333u) + ((a >> 2) & 0x3333333333333333u);
  a = (a + (a >> 4)) & 0x0f0f0f0f0f0f0f0fu;
  return (int)((a + (a >> 8) + (a >> 16) + (a >> 24) + (a >> 32) + (a >> 40) + (a >> 48) + (a >> 56)) & 0xff);
}
int __popcountsi2(unsigned a) { return __popcountdi2(a); }
int __popcountti2(u128 a) { return __popcountdi2(hi64(a)) + __popcountdi2(lo64(a)); }

int __paritydi2(uint64_t a) {
  a ^= a >> 32; a ^= a >> 16; a ^= a >> 8; a ^= a >> 4; a ^= a >> 2; a ^= a >> 1;
  return (int)(a & 1);
}
int __paritysi2(unsigned a) { return __paritydi2(a); }
int __parityti2(u128 a) { return __paritydi2(hi64(a) ^ lo64(a)); }

uint32_t __bswapsi2(uint32_t a) {
  return (a >> 24) | ((a >> 8) & 0xff00u) | ((a << 8) & 0xff0000u) | (a << 24);
}
uint64_t __bswapdi2(uint64_t a) {
  return ((uint64_t)__bswapsi2((uint32_t)a) << 32) | __bswapsi2((uint32_t)(a >> 32));
}

/* memcmp that only has to tell equal (0) from different (nonzero). */
int __gcc_bcmp(const unsigned char *a, const unsigned char *b, __SIZE_TYPE__ n) {
  while (n--) {
    if (*a != *b) return *a - *b;
    a++; b++;
  }
  return 0;
}
