#include <stdio.h>
#include <limits.h>
int main(void) {
  int r; unsigned ur; long long lr; unsigned char cr;
  printf("%d ", __builtin_add_overflow(INT_MAX, 1, &r)); printf("%d\n", r);
  printf("%d ", __builtin_sub_overflow(0u, 1u, &ur)); printf("%u\n", ur);
  printf("%d ", __builtin_mul_overflow(1LL << 40, 1 << 30, &lr)); printf("%lld\n", lr);
  printf("%d ", __builtin_add_overflow(200, 100, &cr)); printf("%d\n", cr);
  printf("%d ", __builtin_mul_overflow(-3, 5, &r)); printf("%d\n", r);
  printf("%d\n", __builtin_sadd_overflow(INT_MIN, -1, &r));
  printf("%d\n", __builtin_umull_overflow(~0UL, 2UL, (unsigned long *)&lr));
  printf("%d %d\n", __builtin_add_overflow_p(1, 2, (char)0), __builtin_mul_overflow_p(100, 100, (short)0));
  return 0;
}
