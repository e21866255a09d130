#include <stdio.h>
int old(a, b, c) char a; float b; double c; { return a + (int)(b * 2) + (int)c; }
int noproto();
int noproto(x, y) int x, y; { return x - y; }
int main(void) { printf("%d %d\n", old(1, 2.5f, 3.9), noproto(10, 4)); return 0; }
