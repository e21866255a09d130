#include <stdio.h>
long double half(long double x) { return x / 2; }
int main(void) {
  long double a = 1.0L / 3.0L, b = 12345678901234567890.0L;
  printf("%f\n", (double)(a * 3));
  printf("%f\n", (double)half(b));
  long double c = (long double)0.1f; printf("%f\n", (double)c);
  long long ll = (long long)(b / 1e9L); printf("%lld\n", ll);
  printf("%d %d\n", a < b, a == a);
  unsigned long long u = (unsigned long long)b; printf("%llu\n", u);
  long double d = 1; for (int i = 0; i < 70; i++) d *= 2; printf("%f\n", (double)(d / 1e20L));
  return 0;
}
