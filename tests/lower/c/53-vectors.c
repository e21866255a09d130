#include <stdio.h>
typedef int v4si __attribute__((vector_size(16)));
typedef float v4sf __attribute__((vector_size(16)));
int main(void) {
  v4si a = { 1, 2, 3, 4 }, b = { 10, 20, 30, 40 };
  v4si c = a + b * 2; v4si d = c - a; v4si e = -a; v4si f = a << 1; v4si g = c + 1;
  for (int i = 0; i < 4; i++) printf("%d %d %d %d %d\n", c[i], d[i], e[i], f[i], g[i]);
  v4si m = a < b; printf("%d\n", m[0]);
  v4sf x = { 1.5f, 2.5f, 3.5f, 4.5f }; x = x * x; printf("%f\n", (double)x[3]);
  return 0;
}
