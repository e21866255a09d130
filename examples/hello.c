#include <stdio.h>

struct point { int x, y; };

static int manhattan(struct point a, struct point b) {
  int dx = a.x > b.x ? a.x - b.x : b.x - a.x;
  int dy = a.y > b.y ? a.y - b.y : b.y - a.y;
  return dx + dy;
}

int main(void) {
  struct point p = { 1, 2 }, q = { .x = 4, .y = -2 };
  printf("hello from cc-ts: distance %d\n", manhattan(p, q));
  return 0;
}
