#include <stdio.h>
int cnt;
int t(int v) { cnt++; return v; }
int main(void) {
  int r = t(0) && t(1); printf("%d %d\n", r, cnt);
  r = t(1) || t(0); printf("%d %d\n", r, cnt);
  r = t(1) && t(2) && t(0); printf("%d %d\n", r, cnt);
  r = (t(0) || t(0)) || t(3); printf("%d %d\n", r, cnt);
  double d = 0.0; if (!d && !(d != 0.0)) printf("zero\n");
  int *p = 0; if (!p || *p) printf("null\n");
  r = !!5 + !0 + !3; printf("%d\n", r);
  for (int i = 0; i < 4; i++) if (i == 1 || (i > 2 && i != 5)) printf("i=%d\n", i);
  return 0;
}
