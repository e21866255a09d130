#include <stdio.h>
int run(const unsigned char *code) {
  static const void *tbl[] = { &&op_inc, &&op_dbl, &&op_halt };
  int acc = 1; const unsigned char *pc = code;
  goto *tbl[*pc++];
op_inc: acc++; goto *tbl[*pc++];
op_dbl: acc *= 2; goto *tbl[*pc++];
op_halt: return acc;
}
int main(void) {
  unsigned char prog[] = { 0, 1, 1, 0, 2 };
  printf("%d\n", run(prog));
  void *l = &&end; int n = 3;
  again: if (--n) goto again; goto *l;
  end: printf("%d\n", n);
  return 0;
}
