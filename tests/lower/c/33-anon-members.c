#include <stdio.h>
struct S { int kind; union { int i; double d; }; struct { short a, b; }; };
int main(void) {
  struct S s = { 1, { .i = 42 }, { 3, 4 } };
  printf("%d %d %d %d\n", s.kind, s.i, s.a, s.b);
  s.d = 2.5; printf("%f\n", s.d);
  struct S *p = &s; p->b = 9; printf("%d\n", p->b);
  return 0;
}
