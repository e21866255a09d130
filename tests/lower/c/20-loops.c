#include <stdio.h>
int main(void) {
  int s = 0, i = 0;
  while (i < 10) { if (i == 7) break; if (i & 1) { i++; continue; } s += i; i++; }
  printf("%d %d\n", s, i);
  do { s--; } while (s > 3); printf("%d\n", s);
  for (;;) { if (++i > 20) break; } printf("%d\n", i);
  int m = 0; for (int a = 0; a < 5; a++) for (int b = 0; b < 5; b++) { if (b > a) break; if (b == 2) continue; m += a * b; } printf("%d\n", m);
  i = 0; do { if (i == 2) { i += 5; continue; } i++; } while (i < 4); printf("%d\n", i);
  return 0;
}
