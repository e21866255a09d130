#include <stdio.h>
int main(void) {
  volatile int argc = 1;
  volatile unsigned v = 0x00f0u; volatile unsigned long long w = 0x100000000ULL;
  printf("%d %d %d %d\n", __builtin_clz(v), __builtin_ctz(v), __builtin_popcount(v), __builtin_parity(v));
  printf("%d %d %d\n", __builtin_clzll(w), __builtin_ctzll(w), __builtin_popcountll(w | 7));
  printf("%d %d %d\n", __builtin_ffs(v), __builtin_ffs(0), __builtin_ffsll(w));
  printf("%x %llx %x\n", __builtin_bswap32(0x11223344u + argc - 1), __builtin_bswap64(0x0102030405060708ULL + argc - 1), __builtin_bswap16(0xabcd + argc - 1));
  printf("%d %d\n", __builtin_clrsb(-1 + argc - 1), __builtin_clrsb(1 + argc - 1));
  if (__builtin_expect(argc == 1, 1)) printf("expected\n");
  printf("%d %d\n", __builtin_constant_p(5), __builtin_constant_p(argc));
  printf("%d\n", __builtin_abs(-argc * 3));
  return 0;
}
