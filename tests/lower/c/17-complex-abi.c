#include <stdio.h>
_Complex double cmul(_Complex double x, _Complex double y) { return x * y; }
_Complex float conj2(_Complex float z) { return ~z; }
_Complex double g = 1.5 + 2.5i;
int main(void) {
  _Complex double r = cmul(g, 2.0i);
  printf("%f %f\n", __real__ r, __imag__ r);
  _Complex float c = conj2(1.0f + 3.0fi);
  printf("%f %f\n", (double)__real__ c, (double)__imag__ c);
  return 0;
}
