#include <stdio.h>
const char *cls(int c) {
  switch (c) {
  case 'a' ... 'z': return "lower";
  case 'A' ... 'Z': return "upper";
  case '0' ... '9': return "digit";
  case ' ': case '\t': return "space";
  default: return "other";
  }
}
int f(unsigned x) {
  int r = 0;
  switch (x) { case 0: r += 1; case 1: r += 2; break; case 4000000000u: r = 9; break; case 5: { r = 5; break; } default: r = -1; }
  return r;
}
int main(void) {
  const char *s = "aZ5 ?"; for (int i = 0; s[i]; i++) printf("%s ", cls(s[i]));
  printf("\n%d %d %d %d %d\n", f(0), f(1), f(4000000000u), f(5), f(77));
  long long big = 1LL << 40; switch (big) { case 1LL << 40: printf("big\n"); break; default: printf("no\n"); }
  int n = 0; for (int i = 0; i < 10; i++) switch (i % 3) { case 0: continue; case 1: n += 10; break; default: n++; } printf("%d\n", n);
  switch (3) { } 
  return 0;
}
