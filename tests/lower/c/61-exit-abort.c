#include <stdio.h>
#include <stdlib.h>
void check(int v) { if (v != 3) abort(); }
int main(void) { check(3); printf("ok\n"); exit(7); }
