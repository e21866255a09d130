#include <stdio.h>
struct F { int s : 4; unsigned u : 4; _Bool b : 1; long long big : 33; };
int main(void) {
  struct F f = {0};
  f.s = 7; f.s++; printf("%d\n", f.s);
  f.s = -8; f.s--; printf("%d\n", f.s);
  f.u = 15; f.u += 2; printf("%u\n", f.u);
  int r = (f.u = 18); printf("%d %u\n", r, f.u);
  f.b = 5; printf("%d\n", f.b);
  f.big = -1; printf("%lld\n", (long long)f.big);
  f.big = 4294967296LL; f.big <<= 1; printf("%lld\n", (long long)f.big);
  f.s = 3; f.s *= -2; printf("%d\n", f.s);
  int x = f.u++ + ++f.s; printf("%d %u %d\n", x, f.u, f.s);
  f.u |= 8; f.u ^= 1; f.u &= 0xe; printf("%u\n", f.u);
  return 0;
}
