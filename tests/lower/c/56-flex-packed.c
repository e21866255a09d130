#include <stdio.h>
#include <stdlib.h>
struct Msg { int len; char data[]; };
struct __attribute__((packed)) Pk { char c; int i; short s; };
struct Pk gpk = { 'a', 0x12345678, -3 };
int main(void) {
  struct Msg *m = malloc(sizeof(struct Msg) + 6); m->len = 5; for (int i = 0; i < 6; i++) m->data[i] = 'a' + i; m->data[5] = 0;
  printf("%d %s %d\n", m->len, m->data, (int)sizeof(struct Msg));
  struct Pk p = gpk; p.i += 1; printf("%d %x %d %d\n", (int)sizeof p, p.i, p.s, p.c);
  return 0;
}
