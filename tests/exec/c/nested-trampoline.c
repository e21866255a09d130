#include <stdio.h>
#include <stdlib.h>
static int apply(int (*f)(int), int x) { return f(x); }
int outer(int n) {
  int acc = 0;
  int arr[n];
  for (int i = 0; i < n; i++) arr[i] = i * i;
  int add(int k) { acc += k + arr[k % n]; return acc; }
  int twice(int k) { add(k); return add(k); }
  int deep(int k) {
    int mid = k * 2;
    int inner(int j) { return mid + j + acc; }
    return inner(k) + apply(inner, 1);
  }
  add(1);
  twice(2);
  int r = apply(add, 3);
  return r * 100 + deep(5);
}
struct S { int a[4]; };
struct S mk(int x) {
  int base = x;
  struct S g(int y) { struct S s = {{base, y, base + y, 7}}; return s; }
  return g(3);
}
int main(void) {
  printf("%d\n", outer(4));
  struct S s = mk(10);
  printf("%d %d %d %d\n", s.a[0], s.a[1], s.a[2], s.a[3]);
  return 0;
}
