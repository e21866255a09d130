#include <stdio.h>
/* the interpreter does not run constructor lists: main calls them; ctor-list.test.ts checks the lists */
int order[4]; int n;
__attribute__((constructor)) static void init1(void) { order[n++] = 1; }
__attribute__((constructor(200))) static void init2(void) { order[n++] = 2; }
__attribute__((destructor)) static void fini(void) { }
int main(void) {
  if (n == 0) { init2(); init1(); }
  printf("%d %d %d\n", n, order[0], order[1]);
  return 0;
}
