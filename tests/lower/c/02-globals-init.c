#include <stdio.h>
struct S { char c; short s; int i; long l; const char *p; int a[3]; };
struct S gs = { 'x', -2, 300000, 1234567890123L, "str", { 7, 8 } };
int ga[] = { 1, 2, 3, [6] = 9 };
char gstr[10] = "abc";
char gstr2[] = "hello";
int *gp = &ga[2];
int **gpp = &gp;
const char *names[] = { "zero", "one", "two" };
long gdiff = (long)(sizeof(ga) / sizeof(ga[0]));
static int sarr[2][3] = { {1, 2, 3}, {4, 5, 6} };
int tent;
int tent2[5];
int main(void) {
  printf("%c %d %d %ld %s %d %d %d\n", gs.c, gs.s, gs.i, gs.l, gs.p, gs.a[0], gs.a[1], gs.a[2]);
  for (int i = 0; i < 7; i++) printf("%d ", ga[i]);
  printf("\n%s %s %d %d %ld\n", gstr, gstr2, *gp, **gpp, gdiff);
  printf("%s %s %d %d %d\n", names[1], names[2], sarr[1][2], tent, tent2[4]);
  printf("%d %d\n", (int)sizeof gstr2, (int)sizeof ga);
  return 0;
}
