#include <stdio.h>
int counter(void) { static int n; return ++n; }
int counter2(void) { static int n = 100; n += 10; return n; }
const char *name(void) { static const char *s = "persist"; return s; }
int *addr(void) { static int v[3] = {1, 2, 3}; return v; }
int main(void) {
  counter(); counter(); printf("%d\n", counter());
  counter2(); printf("%d\n", counter2());
  printf("%s\n", name());
  addr()[1] = 42; printf("%d %d\n", addr()[1], addr()[2]);
  { static int n = 5; printf("%d\n", n); }
  return 0;
}
