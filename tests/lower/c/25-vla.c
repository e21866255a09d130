#include <stdio.h>
int f(int n) {
  int a[n]; for (int i = 0; i < n; i++) a[i] = i * 2;
  int s = 0; for (int i = 0; i < n; i++) s += a[i];
  return s + (int)sizeof a;
}
int g(int n, int m) { int mat[n][m]; for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) mat[i][j] = i * 10 + j; int (*p)[m] = mat; p++; return p[1][2] + (int)sizeof(mat[0]) + (int)sizeof(*p); }
int main(void) {
  printf("%d %d\n", f(5), f(10));
  printf("%d\n", g(4, 3));
  for (int k = 1; k < 100; k++) { char buf[k * 100]; buf[0] = k; buf[k * 100 - 1] = 1; if (k == 99) printf("%d\n", buf[0] + buf[k * 100 - 1]); }
  return 0;
}
