#define ADD(a, b) ((a) + (b))
#define MUL(x, x) ((x) * (x)) /* ERROR */

int sum(int p, int q) { return ADD(p, q); }
