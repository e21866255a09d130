#include <stdio.h>
typedef __int128 i128; typedef unsigned __int128 u128;
void pr(u128 v) { char buf[50]; int n = 0; do { buf[n++] = '0' + (int)(v % 10); v /= 10; } while (v); while (n) putchar(buf[--n]); putchar('\n'); }
int main(void) {
  u128 a = (u128)1 << 100; pr(a);
  i128 b = -(i128)123456789012345678LL * 1000000; pr((u128)(-b));
  u128 c = a / 12345; pr(c); pr(a % 12345);
  printf("%d %d\n", b < 0, a > (u128)b);
  i128 d = b >> 10; pr((u128)-d);
  u128 e = ~(u128)0; pr(e);
  printf("%lld\n", (long long)(b / -7));
  double f = (double)a; printf("%f\n", f / 1e30);
  return 0;
}
