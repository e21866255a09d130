/* Inline asm flag outputs (gcc's "=@cc<cond>", __GCC_ASM_FLAG_OUTPUTS__), as the Linux kernel's
 * atomic and bitop helpers use them: bool, int and through-pointer outputs, two at once, beside a
 * read-write memory operand. */
#include <stdio.h>

#ifndef __GCC_ASM_FLAG_OUTPUTS__
#error "__GCC_ASM_FLAG_OUTPUTS__ is not defined"
#endif

static int sub_and_test_neg(long *v, long d) {
  _Bool neg;
  __asm__ volatile("subq %2, %0" : "+m"(*v), "=@ccs"(neg) : "er"(d) : "memory");
  return neg;
}

static int test_bit(unsigned long w, long bit) {
  int c;
  __asm__("btq %2, %1" : "=@ccc"(c) : "r"(w), "r"(bit));
  return c;
}

static int compare(long a, long b, unsigned char *eq, short *above) {
  _Bool less;
  __asm__("cmpq %4, %3" : "=@ccl"(less), "=@ccz"(*eq), "=@ccnbe"(*above) : "r"(a), "r"(b));
  return less;
}

int main(void) {
  long v = 5;
  int r1 = sub_and_test_neg(&v, 3), r2 = sub_and_test_neg(&v, 3);
  printf("%d %d %ld\n", r1, r2, v);
  for (int b = 0; b < 4; b++) printf("bit %d: %d\n", b, test_bit(0xa, b));
  long xs[] = { -3, 0, 2, 7 };
  for (int i = 0; i < 4; i++) {
    for (int j = 0; j < 4; j++) {
      unsigned char eq = 9;
      short above = 9;
      int lt = compare(xs[i], xs[j], &eq, &above);
      printf("%ld %ld: lt %d eq %d above %d\n", xs[i], xs[j], lt, eq, above);
    }
  }
  return 0;
}
