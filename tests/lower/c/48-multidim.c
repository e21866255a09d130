#include <stdio.h>
int m[3][4] = { { 1, 2, 3, 4 }, { 5, 6, 7, 8 }, { 9, 10, 11, 12 } };
int trace(int (*a)[4], int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i][i]; return s; }
int main(void) {
  printf("%d %d\n", trace(m, 3), m[2][3]);
  int (*row)[4] = m + 1; printf("%d\n", (*row)[2]);
  int *flat = &m[0][0]; printf("%d\n", flat[7]);
  char grid[2][3][4]; for (int i = 0; i < 24; i++) ((char *)grid)[i] = i; printf("%d %d\n", grid[1][2][3], (int)sizeof grid[1]);
  return 0;
}
