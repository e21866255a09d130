#include <stdio.h>
int add(int a, int b) { return a + b; }
int mul(int a, int b) { return a * b; }
typedef int (*op)(int, int);
op ops[] = { add, mul };
struct T { const char *name; op fn; } tab[] = { { "add", add }, { "mul", &mul } };
int apply(op f, int x, int y) { return f(x, y); }
int main(void) {
  printf("%d %d\n", ops[0](3, 4), (*ops[1])(3, 4));
  for (int i = 0; i < 2; i++) printf("%s %d\n", tab[i].name, tab[i].fn(5, 6));
  printf("%d\n", apply(mul, 7, 8));
  op f = 1 ? add : mul; printf("%d %d\n", f(1, 1), f == add);
  return 0;
}
