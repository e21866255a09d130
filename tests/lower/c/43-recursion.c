#include <stdio.h>
int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int ack(int m, int n) { return m == 0 ? n + 1 : n == 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
void hanoi(int n, int *moves) { if (!n) return; hanoi(n - 1, moves); ++*moves; hanoi(n - 1, moves); }
int main(void) { int m = 0; hanoi(10, &m); printf("%d %d %d\n", fib(20), ack(2, 3), m); return 0; }
