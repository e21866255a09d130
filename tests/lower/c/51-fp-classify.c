#include <stdio.h>
int main(void) {
  volatile double z = 0.0; double inf = 1.0 / z, nan = z / z, x = -2.5, tiny = 1e-310;
  printf("%d %d %d %d\n", __builtin_isnan(nan), __builtin_isnan(x), __builtin_isinf(inf), __builtin_isinf(x));
  printf("%d %d %d\n", __builtin_isfinite(x), __builtin_isfinite(inf), __builtin_isnormal(tiny));
  printf("%d %d\n", __builtin_signbit(x) != 0, __builtin_signbit(-x) != 0);
  printf("%f %f\n", __builtin_fabs(x), __builtin_copysign(3.0, x));
  printf("%d %d %d\n", __builtin_isgreater(1.0, nan), __builtin_isunordered(1.0, nan), __builtin_islessgreater(1.0, 2.0));
  printf("%d\n", __builtin_fpclassify(0, 1, 2, 3, 4, tiny));
  float f = -1.5f; printf("%f %d\n", (double)__builtin_fabsf(f), __builtin_isinf_sign(-inf));
  long double ld = -4.0L; printf("%f\n", (double)__builtin_fabsl(ld));
  printf("%f\n", __builtin_inf() > 1e308 ? 1.0 : 0.0);
  return 0;
}
