#include <stdio.h>
static int table[5] = { 5, 4, 3, 2, 1 };
int *at(int i) { return &table[i]; }
const char *pick(int i) { static const char *w[] = { "a", "bb", "ccc" }; return w[i % 3]; }
int (*getarr(void))[5] { return &table; }
int main(void) { *at(2) = 30; printf("%d %s %d\n", table[2], pick(4), (*getarr())[4]); return 0; }
