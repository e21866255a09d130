#include <stdio.h>
struct P { int x, y; };
int *gp = (int[]){ 10, 20, 30 };
struct P *gsp = &(struct P){ 7, 8 };
int sum(const int *a, int n) { int s = 0; while (n--) s += a[n]; return s; }
int main(void) {
  printf("%d %d %d\n", gp[2], gsp->y, sum((int[]){ 1, 2, 3, 4 }, 4));
  struct P p = (struct P){ .y = 3 }; printf("%d %d\n", p.x, p.y);
  for (int i = 0; i < 2; i++) { int *q = (int[2]){ i, i + 1 }; q[0] += 5; printf("%d %d\n", q[0], q[1]); }
  printf("%d\n", ((struct P){ 4, 5 }).x + (int){ 6 });
  return 0;
}
