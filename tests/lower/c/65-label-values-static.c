#include <stdio.h>
int f(int x) {
  static void *const where[] = { &&a, &&b, &&c };
  goto *where[x];
a: return 100;
b: return 200;
c: return 300;
}
int main(void) { printf("%d %d %d\n", f(0), f(1), f(2)); printf("%d\n", (int)(&&l2 != &&l1)); l1: l2: return 0; }
