#include <stdio.h>
static int depth;
int search(int *a, int n, int key) { for (int i = 0; i < n; i++) { depth++; if (a[i] == key) return i; } return -1; }
int main(void) { int a[] = { 4, 8, 15, 16, 23, 42 }; int r1 = search(a, 6, 16), r2 = search(a, 6, 5); printf("%d %d %d\n", r1, r2, depth); return 0; }
