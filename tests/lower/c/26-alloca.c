#include <stdio.h>
#include <alloca.h>
int main(void) {
  int s = 0;
  for (int i = 1; i <= 4; i++) { int *p = alloca(i * sizeof(int)); for (int j = 0; j < i; j++) p[j] = j + i; for (int j = 0; j < i; j++) s += p[j]; }
  char *q = __builtin_alloca(16); q[0] = 'o'; q[1] = 'k'; q[2] = 0; printf("%s %d\n", q, s);
  return 0;
}
