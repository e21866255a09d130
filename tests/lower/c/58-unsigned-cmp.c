#include <stdio.h>
int main(void) {
  unsigned a = 1; int b = -1; unsigned long long c = 5; long long d = -5;
  printf("%d %d %d\n", a < (unsigned)b, (int)a > b, c > (unsigned long long)d);
  unsigned char x = 200; signed char y = -1; printf("%d %d\n", x > y, (unsigned char)y > x);
  printf("%d\n", (unsigned short)65535 == -1);
  printf("%d\n", 0u - 1 > 0);
  return 0;
}
