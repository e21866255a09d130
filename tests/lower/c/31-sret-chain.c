#include <stdio.h>
struct V { double x, y, z; };
struct V add(struct V a, struct V b) { return (struct V){ a.x + b.x, a.y + b.y, a.z + b.z }; }
struct V scale(struct V a, double k) { struct V r = a; r.x *= k; r.y *= k; r.z *= k; return r; }
struct V id(struct V a) { return a; }
int main(void) {
  struct V a = { 1, 2, 3 }, b = { 4, 5, 6 };
  struct V c = scale(add(a, id(b)), 0.5);
  printf("%f %f %f\n", c.x, c.y, c.z);
  a = add(a, a); printf("%f\n", a.z);
  printf("%f\n", add(a, b).y);
  return 0;
}
