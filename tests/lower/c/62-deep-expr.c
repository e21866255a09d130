#include <stdio.h>
int main(void) {
  int a = 3, b = 4, c = 5;
  int r = ((a * b + c) << 2) - (a ^ b) * (c | 1) / (b - a) + (a > b ? a : b) * !c + (c % a);
  long long q = (long long)a * b * c * 1000000007LL % 998244353;
  double d = (a + 0.5) * (b - 0.25) / (c + 1.0) - a / 2 + a / 2.0;
  printf("%d %lld %f\n", r, q, d);
  unsigned h = 2166136261u; const char *s = "hash me"; while (*s) { h ^= (unsigned char)*s++; h *= 16777619u; } printf("%u\n", h);
  return 0;
}
