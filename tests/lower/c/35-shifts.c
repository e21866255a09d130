#include <stdio.h>
int main(void) {
  unsigned u = 0x80000000u; int s = -16; long long ll = -1; unsigned long long ull = 1;
  printf("%u %d %d\n", u >> 31, s >> 2, s << 2);
  printf("%lld %llu\n", ll >> 40, ull << 63 >> 60);
  char c = 1; int r = c << 10; printf("%d\n", r);
  unsigned short us = 0xffff; printf("%d\n", us << 16 >> 16);
  int n = 5; long sh = 1L << n; printf("%ld\n", sh);
  unsigned x = 1; x <<= 4; x >>= 1; printf("%u\n", x);
  long long y = 3; y <<= (char)33; printf("%lld\n", y);
  return 0;
}
