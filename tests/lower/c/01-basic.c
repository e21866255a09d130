#include <stdio.h>
struct P { int x, y; };
static int g = 5;
int arr[4] = {1, 2, 3, 4};
const char *msg = "hello";
struct P mk(int a, int b) { struct P p = {a, b}; return p; }
int sum(struct P p) { return p.x + p.y; }
int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
int main(void) {
  int i, s = 0;
  for (i = 0; i < 4; i++) s += arr[i];
  printf("%d %d %s\n", s, g, msg);
  struct P p = mk(3, 4);
  printf("%d %d\n", sum(p), fact(10));
  unsigned u = 0xffffffffu; u >>= 4; int neg = -17;
  printf("%u %d %d %d\n", u, neg / 4, neg % 4, neg >> 1);
  long long ll = 1LL << 40; printf("%lld\n", ll * 3);
  double d = 1.5; d = d * 3 + 1; printf("%f %d\n", d, (int)d);
  char buf[8]; for (i = 0; i < 7; i++) buf[i] = 'a' + i; buf[7] = 0; puts(buf);
  return 0;
}
