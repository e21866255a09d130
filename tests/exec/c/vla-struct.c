/* GNU C structs with variably modified members: run-time size and member offsets, evaluated once
   where the struct is defined; objects allocated like VLAs, copied with their run-time size, passed
   through calls and va_arg by reference. */
#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <string.h>

static void show(const char *what, const void *p, size_t n) {
  const unsigned char *c = p;
  printf("%s:", what);
  for (size_t k = 0; k < n; k++) printf(" %02x", c[k]);
  printf("\n");
}

static int sum(int n, ...) {
  struct V { short h; int v[n]; char tail; } s;
  va_list ap;
  int t = 0;
  va_start(ap, n);
  for (int k = 0; k < 2; k++) {
    s = va_arg(ap, struct V);
    t += s.h + s.tail;
    for (int i = 0; i < n; i++) t += s.v[i];
  }
  t += va_arg(ap, int);
  va_end(ap);
  return t;
}

static void layout(int n, int m) {
  struct A {
    char c;
    int a[n];
    char d;
    __attribute__((aligned(16))) short b[m];
    long l;
  } x;
  n = 100; /* the bounds were evaluated at the definition */
  printf("A: size %zu, a %td d %td b %td l %td\n", sizeof(struct A), (char *)x.a - (char *)&x,
         &x.d - (char *)&x, (char *)x.b - (char *)&x, (char *)&x.l - (char *)&x);
  printf("offsetof: %zu %zu\n", offsetof(struct A, d), offsetof(struct A, l));
  memset(&x, 0, sizeof x);
  x.c = 1; x.d = 2; x.l = 0x1122334455667788;
  for (int i = 0; i < m; i++) x.b[i] = (short)(0x100 + i);
  x.a[0] = 7;
  show("A", &x, sizeof x);
  struct A y;
  y = x;
  printf("copy: %d %d %d %lx %d\n", y.c, y.d, y.b[m - 1], y.l, y.a[0]);
}

static void packed_union(int n) {
  struct __attribute__((packed)) P { char c; int a[n]; short s; };
  union U { char b[n + 1]; int i; double d; };
  struct Outer { char k; struct P p; union U u; int z; } o;
  printf("P %zu U %zu Outer %zu\n", sizeof(struct P), sizeof(union U), sizeof o);
  printf("Outer: p %td u %td z %td\n", (char *)&o.p - (char *)&o, (char *)&o.u - (char *)&o, (char *)&o.z - (char *)&o);
  o.p.s = 0x55; o.z = 9;
  printf("%d %d\n", o.p.s, o.z);
}

static void arrays(int n) {
  struct E { int h; char v[n]; } e[3], *p = e;
  for (int i = 0; i < 3; i++) { p[i].h = i * 10; memset(p[i].v, 'a' + i, n); }
  printf("E %zu, e %zu, p+2 %td\n", sizeof(struct E), sizeof e, (char *)(p + 2) - (char *)p);
  for (int i = 0; i < 3; i++) printf("%d %c%c ", e[i].h, e[i].v[0], e[i].v[n - 1]);
  printf("\n");
  struct E t;
  t = ({ struct E u; u = e[2]; u.h++; u; });
  printf("t %d %c\n", t.h, t.v[n - 1]);
}

static void loop(void) {
  for (int i = 1; i <= 3; i++) {
    struct L { char a[i]; int b; };
    printf("L%d %zu ", i, sizeof(struct L));
  }
  printf("%zu\n", sizeof(struct { char q[5]; double d; }));
}

/* bit-fields after a variable-size member: a run starts at the next byte */
static void bits(int n) {
  struct P { int i[n]; unsigned b : 3; unsigned c : 9; int i2; } __attribute__((packed)) __attribute__((aligned(4))) p;
  struct Q { short s[n]; unsigned b : 3; unsigned c : 7; char d; } q;
  memset(&p, 0, sizeof p); memset(&q, 0, sizeof q);
  p.b = 5; p.c = 0x1ab; p.i2 = -2; q.b = 6; q.c = 0x55; q.d = 9;
  p.c++; q.c += 3;
  printf("P %zu Q %zu: %u %u %d %u %u %d\n", sizeof p, sizeof q, p.b, p.c, p.i2, q.b, q.c, q.d);
  show("P", &p, sizeof p); show("Q", &q, sizeof q);
}

/* arrays of pointers to variably modified types have a constant size */
static void vmarrays(int n) {
  int (*a[3])[n];
  int m[4][n];
  struct S { int v[n]; } *ps[2], s0, s1;
  ps[0] = &s0; ps[1] = &s1;
  for (int i = 0; i < 3; i++) a[i] = &m[i];
  for (int i = 0; i < 4; i++) for (int j = 0; j < n; j++) m[i][j] = i * 10 + j;
  s1.v[n - 1] = 77;
  printf("%zu %zu %d %d %zu %d\n", sizeof a, sizeof *a[0], (*a[2])[1], a[1][0][n - 1], sizeof ps, ps[1]->v[n - 1]);
}

/* a struct defined in a parameter list: laid out on entry, whatever path uses it first */
static int param(int n, struct S { char c; int a[n]; short z; } *p, int k) {
  int r = 0;
  if (k) r = sizeof *p;
  return r + (int)((char *)&p->z - (char *)p) * 1000;
}

int main(void) {
  long buf[64] = {0};
  printf("param %d %d\n", param(5, (void *)buf, 1), param(3, (void *)buf, 0));
  int n = 3;
  struct V { short h; int v[n]; char tail; } a, b;
  a.h = 1; b.h = 2; a.tail = 3; b.tail = 4;
  for (int i = 0; i < n; i++) { a.v[i] = 10 * i; b.v[i] = 100 * i; }
  printf("sum %d\n", sum(n, a, b, 1000));
  layout(3, 5);
  layout(1, 1);
  packed_union(5);
  arrays(6);
  loop();
  bits(1);
  bits(4);
  vmarrays(3);
  return 0;
}
