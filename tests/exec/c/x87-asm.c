/* Inline asm with x87 stack operands ("t", "u", "=t", matching "0"), as glibc's i386 math inlines. */
#include <stdio.h>
static long double atan2_x87(long double y, long double x) {
  long double v;
  __asm__ __volatile__("fpatan" : "=t"(v) : "0"(x), "u"(y) : "st(1)");
  return v;
}
static long double sqrt_x87(long double x) {
  long double r;
  __asm__ __volatile__("fsqrt" : "=t"(r) : "0"(x));
  return r;
}
int main(void) {
  printf("%.10Lf %.10Lf %.10Lf\n", atan2_x87(1.0L, 1.0L), sqrt_x87(2.0L), atan2_x87(-0.0L, sqrt_x87(1.0L)));
  return 0;
}
