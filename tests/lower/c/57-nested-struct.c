#include <stdio.h>
struct In { short a; char b[3]; };
struct Out { int x; struct In in[2]; struct In *p; };
struct Out go = { 1, { { 2, "ab" }, { 3, "cd" } }, &go.in[1] };
int main(void) {
  printf("%d %d %s %d %s\n", go.x, go.in[0].a, go.in[0].b, go.p->a, go.p->b);
  struct Out lo = go; lo.in[1].b[0] = 'X'; lo.p = &lo.in[0];
  printf("%s %s %d\n", lo.in[1].b, go.in[1].b, lo.p->a);
  struct In tmp = lo.in[1]; printf("%c\n", tmp.b[0]);
  return 0;
}
