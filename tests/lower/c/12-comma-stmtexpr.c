#include <stdio.h>
#define MAX(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
struct S { int x, y; };
int main(void) {
  int i = 0, j = (i++, i++, i + 10); printf("%d %d\n", i, j);
  printf("%d %d\n", MAX(3, 9), MAX(-1, -5));
  int k = ({ int t = 0; for (int q = 0; q < 5; q++) t += q; t; }); printf("%d\n", k);
  struct S s = ({ struct S tmp = { 4, 5 }; tmp; }); printf("%d %d\n", s.x, s.y);
  double d = ({ 1.5; }) + 1; printf("%f\n", d);
  for (i = 0, j = 10; i < j; i += 3, j -= 2); printf("%d %d\n", i, j);
  return 0;
}
