#include <stdio.h>
volatile int vg;
int main(void) {
  volatile int x = 5; x = x + 1; x++; vg = x * 2;
  volatile struct { int a; volatile char b; } s = { 1, 2 }; s.a += s.b;
  printf("%d %d %d\n", x, vg, s.a);
  return 0;
}
