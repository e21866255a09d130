#include <stdio.h>
struct S { int a, b; };
int main(void) {
  volatile int argc = 1;
  int x = argc > 0 ? 10 : 20; printf("%d\n", x);
  int z = 0, w = 7; printf("%d %d\n", z ?: 42, w ?: 42);
  double d = x > 5 ? 1.5 : 2; printf("%f\n", d);
  struct S s1 = {1, 2}, s2 = {3, 4}; struct S s3 = argc == 1 ? s1 : s2; printf("%d %d\n", s3.a, s3.b);
  const char *s = argc > 10 ? "many" : argc > 1 ? "some" : "one"; printf("%s\n", s);
  int c = 0; argc > 0 ? (void)(c = 5) : (void)(c = 6); printf("%d\n", c);
  int *p = argc ? &x : 0; printf("%d\n", *p);
  return 0;
}
