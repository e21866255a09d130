/* __builtin_setjmp/__builtin_longjmp with gcc's five-word buffer (a local modified after the setjmp
   survives the jump); a backward goto over a VLA declaration frees it; printf folded to puts/putchar
   at -O2 still prints the same; a compound assignment evaluates a call on its right first. */
#include <stdio.h>
static void *buf[5];
static void __attribute__((noinline)) jump(void) { __builtin_longjmp(buf, 1); }
static int count(void) {
  int a = 0;
  if (__builtin_setjmp(buf) == 0) { a = 5; jump(); }
  return a;
}
static int vla_loop(int n) {
  char *first = 0, *p;
  int i = 0;
again:;
  char v[n + (i & 1)];
  p = v;
  if (!first) first = p;
  if (++i < 100000) goto again;
  return first - p < 4096 && p - first < 4096;   /* the stack did not grow */
}
static unsigned x[1] = {2};
static unsigned setx(void) { x[0] |= 128; return 1; }
int main(void) {
  printf("%d %d\n", count(), vla_loop(1000));
  x[0] |= setx();
  printf("%u\n", x[0]);
  printf("hello\n");
  printf("%s", "a");
  printf("%c", '\n');
  printf("%s\n", "world");
  printf("");
  return 0;
}
