/* GNU label differences (&&a - &&b) in static initialisers: a position-independent dispatch table
   (as in gcc's pr70460), at -O0 and -O2 where the labels must keep their blocks. */
#include <stdio.h>

static int trace;

__attribute__((noinline)) static int run(const unsigned char *code) {
  static const int ops[] = { &&op_halt - &&op_halt, &&op_inc - &&op_halt, &&op_dbl - &&op_halt, &&op_neg - &&op_halt };
  static const long wide = &&op_neg - &&op_inc;
  int acc = 0;
  trace += wide != 0;
#define NEXT goto *(&&op_halt + ops[*code++])
  NEXT;
op_inc:
  acc++;
  NEXT;
op_dbl:
  acc *= 2;
  NEXT;
op_neg:
  acc = -acc;
  NEXT;
op_halt:
  return acc;
}

/* the labels are named only by static data and reached by fall-through */
__attribute__((noinline)) static int fall(int x) {
  static const short unused_kind = 0;
  static const int span[] = { &&second - &&first };
  (void)unused_kind;
first:
  x += 3;
second:
  x *= 5;
  return x + (span[0] != 0);
}

int main(void) {
  const unsigned char p1[] = { 1, 1, 2, 3, 1, 0 }, p2[] = { 2, 1, 1, 1, 2, 2, 3, 0 };
  int r1 = run(p1), r2 = run(p2);
  printf("%d %d %d\n", r1, r2, trace);
  printf("%d %d\n", fall(1), fall(-3));
  return 0;
}
