#include <stdio.h>
int main(void) {
  double a = 1.0 / 3.0, b = 2.5; float f = 0.1f;
  printf("%f %f %f %f\n", a + b, a - b, a * b, b / a);
  printf("%d %d %d %d %d %d\n", a < b, a > b, a <= a, a >= b, a == a, a != b);
  double z = 0.0, nan = z / z; printf("%d %d %d\n", nan == nan, nan != nan, nan < 1.0);
  printf("%f\n", (double)(f * 3.0f));
  double neg = -b; printf("%f %f\n", neg, -neg);
  float g = 16777216.0f; g += 1.0f; printf("%f\n", (double)g);
  double acc = 0; for (int i = 1; i <= 10; i++) acc += 1.0 / i; printf("%.6f\n", acc);
  printf("%d\n", (int)(0.1 + 0.2 == 0.3));
  return 0;
}
