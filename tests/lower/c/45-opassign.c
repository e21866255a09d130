#include <stdio.h>
int main(void) {
  int i = 10; i += 5; i -= 3; i *= 4; i /= 5; i %= 7; i <<= 3; i >>= 1; i &= 0x3c; i |= 1; i ^= 0xff; printf("%d\n", i);
  char c = 100; c += 100; printf("%d\n", c);
  unsigned char uc = 10; uc -= 20; printf("%d\n", uc);
  short s = 1000; s *= 1000; printf("%d\n", s);
  double d = 2; d *= 3.5; d -= 1; d /= 2; printf("%f\n", d);
  int k = 7; k *= 2.5; printf("%d\n", k);
  float f = 1; f += 1; printf("%f\n", (double)f);
  int *p = (int[]){ 1, 2, 3, 4 }; p += 2; p -= 1; printf("%d\n", *p);
  long l = 5; l += 2u; printf("%ld\n", l);
  unsigned u = 3; u -= 5; u /= 2; printf("%u\n", u);
  int arr[3] = { 1, 2, 3 }, idx = 0; arr[idx++] += 10; printf("%d %d\n", arr[0], idx);
  return 0;
}
