#include <stdio.h>
union Arg { int *ip; long *lp; } __attribute__((transparent_union));
int get(union Arg a) { return *a.ip; }
union N { int i; double d; };
int main(void) {
  int x = 42; printf("%d\n", get(&x));
  union N n = (union N)3.5; printf("%f\n", n.d);
  union N m = (union N)7; printf("%d\n", m.i);
  return 0;
}
