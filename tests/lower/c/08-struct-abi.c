#include <stdio.h>
struct P2 { long a, b; };
struct PD { double x; int y; };
struct F2 { float a, b; };
struct M { char c; double d; short s; };
struct P2 addp(struct P2 p, struct P2 q) { struct P2 r = { p.a + q.a, p.b + q.b }; return r; }
struct PD scale(struct PD p, double k) { p.x *= k; p.y = (int)(p.y * k); return p; }
struct F2 swap(struct F2 f) { struct F2 r = { f.b, f.a }; return r; }
struct M mm(int n, struct M m, double z) { m.c += n; m.d += z; m.s -= n; return m; }
int main(void) {
  struct P2 a = { 1, 2 }, b = { 30, 40 }, c = addp(a, b);
  printf("%ld %ld\n", c.a, c.b);
  struct PD d = scale((struct PD){ 1.5, 10 }, 3.0);
  printf("%f %d\n", d.x, d.y);
  struct F2 f = swap((struct F2){ 1.25f, 2.5f });
  printf("%f %f\n", (double)f.a, (double)f.b);
  struct M m = mm(3, (struct M){ 'a', 0.5, 100 }, 2.25);
  printf("%c %f %d\n", m.c, m.d, m.s);
  return 0;
}
