#include <stdio.h>
struct B { unsigned a : 3; signed b : 5; unsigned c : 12; int d : 1; unsigned long long e : 40; char f; };
struct B gb = { 5, -7, 3000, -1, 0x123456789aULL, 'q' };
struct __attribute__((packed)) P { char x; unsigned y : 20; unsigned z : 9; };
struct P gp = { 1, 0xabcde, 300 };
int main(void) {
  struct B lb = { 2, 11, 4095, 0, 99, 'r' };
  printf("%u %d %u %d %llu %c\n", gb.a, gb.b, gb.c, gb.d, (unsigned long long)gb.e, gb.f);
  printf("%u %d %u %d %llu %c\n", lb.a, lb.b, lb.c, lb.d, (unsigned long long)lb.e, lb.f);
  printf("%d %x %u %d\n", gp.x, gp.y, gp.z, (int)sizeof gp);
  gp.y += 3; gp.z = gp.z * 2 + 1;
  printf("%x %u\n", gp.y, gp.z);
  return 0;
}
