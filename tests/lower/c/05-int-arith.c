#include <stdio.h>
int main(void) {
  int a = -7, b = 2; unsigned ua = 7, ub = 3;
  printf("%d %d %d %d\n", a / b, a % b, a >> 1, a << 3);
  printf("%u %u %u\n", ua / ub, ua % ub, (unsigned)-1 >> 28);
  long long x = -9000000000LL; unsigned long long y = 18000000000ULL;
  printf("%lld %llu %lld %llu\n", x / 7, y / 7, x % 7, y % 7);
  short s = 32767; s++; printf("%d\n", s);
  unsigned char c = 250; c += 10; printf("%d\n", c);
  signed char sc = -128; sc--; printf("%d\n", sc);
  printf("%d %d %d\n", a < b, ua < (unsigned)a, -1 < 1u);
  printf("%d %d %d %d\n", a == -7, a != 7, !a, ~a);
  printf("%d\n", (a & 0xff) | (b ^ 5));
  long l = 1; l <<= 40; printf("%ld\n", l >> 3);
  return 0;
}
