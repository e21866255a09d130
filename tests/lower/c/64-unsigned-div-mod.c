#include <stdio.h>
int main(void) {
  unsigned long long a = 0xfedcba9876543210ULL;
  for (unsigned d = 3; d < 40; d += 7) printf("%llu %llu\n", a / d, a % d);
  long long s = -0x123456789LL; for (int d = -5; d <= 5; d += 3) printf("%lld %lld\n", s / d, s % d);
  return 0;
}
