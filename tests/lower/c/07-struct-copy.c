#include <stdio.h>
struct Big { int a[20]; char name[12]; };
struct Small { char c; short s; };
union U { int i; float f; char b[4]; };
struct Big mk(int k) { struct Big b; for (int i = 0; i < 20; i++) b.a[i] = i * k; b.name[0] = 'A' + k; b.name[1] = 0; return b; }
int sumb(struct Big b) { int s = 0; for (int i = 0; i < 20; i++) s += b.a[i]; b.a[0] = 999; return s; }
struct Small sm(struct Small x) { x.c++; x.s *= 2; return x; }
int main(void) {
  struct Big x = mk(3), y;
  y = x; y.a[1] = -1;
  printf("%d %d %d %s\n", sumb(x), x.a[0], y.a[1], y.name);
  struct Small s = { 'a', 21 }, t = sm(s);
  printf("%c %d %c %d\n", s.c, s.s, t.c, t.s);
  union U u; u.i = 0x41424344; printf("%c %c\n", u.b[0], u.b[3]);
  union U v = u; printf("%x\n", v.i);
  printf("%d\n", mk(2).a[5]);
  struct Small arr[3] = { {1, 2}, {3, 4} }; arr[2] = arr[0]; printf("%d %d\n", arr[2].c, arr[2].s);
  return 0;
}
