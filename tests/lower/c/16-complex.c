#include <stdio.h>
int main(void) {
  _Complex double a = 1.0 + 2.0i, b = 3.0 - 1.0i;
  _Complex double s = a + b, d = a - b, m = a * b, q = a / b;
  printf("%f %f\n", __real__ s, __imag__ s);
  printf("%f %f\n", __real__ d, __imag__ d);
  printf("%f %f\n", __real__ m, __imag__ m);
  printf("%.6f %.6f\n", __real__ q, __imag__ q);
  _Complex float f = 2.0f; f *= 1.0fi; printf("%f %f\n", (double)__real__ f, (double)__imag__ f);
  printf("%d %d\n", a == a, a != b);
  _Complex double c = ~a; printf("%f %f\n", __real__ c, __imag__ c);
  double r = a; printf("%f\n", r);
  __real__ a = 9; __imag__ a += 1; printf("%f %f\n", __real__ a, __imag__ a);
  _Complex int ci = 3 + 4i; ci = ci * ci; printf("%d %d\n", __real__ ci, __imag__ ci);
  _Bool t = (_Complex double)(0.0 + 1.0i); printf("%d\n", t);
  return 0;
}
