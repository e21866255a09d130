/* Bit-fields promote by their width: narrower than int -> int whatever the declared type; wider
   than int -> gcc's N-bit type, whose arithmetic wraps at N bits. */
#include <stdio.h>

struct X { unsigned u3 : 3; signed long s31 : 31; unsigned long long ull3 : 3; unsigned long long ull35 : 35; unsigned u7 : 7; };
struct W { unsigned long long b : 40; unsigned long long c : 33; long long s : 36; };

int main(void) {
  struct X x = {0, 0, 0, 0, 61};
  int i = -13;
  printf("%d %d %d %d\n", (x.u3 - 2) < 0, (x.s31 - 2) < 0, (x.ull3 - 2) < 0, (x.ull35 - 2) < 0);
  printf("%d %u\n", i % x.u7, i % (unsigned) x.u7);
  struct W w = {0x100, 0x1FFFFFFFFULL, 5};
  printf("%llx %llx %llx\n", w.b << 32, (w.b << 8) + (w.b >> 32), (unsigned long long)(w.b - 0x200) + 8);
  printf("%llx %llx\n", w.c + w.c, w.c * w.b);
  printf("%lld\n", (long long)(w.s - 6));
  return 0;
}
