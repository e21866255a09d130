/* GNU nested functions reaching their enclosing functions' locals through the static chain
   (direct calls only: the IR interpreter cannot run a stack trampoline). */
#include <stdio.h>

int outer(int n) {
  int acc = 0;
  int arr[n];
  for (int i = 0; i < n; i++) arr[i] = i * i;
  int add(int k) { acc += k + arr[k % n]; return acc; }
  int twice(int k) { add(k); return add(k); }     /* a sibling needs the parent's frame too */
  int deep(int k) {
    int mid = k * 2;
    int inner(int j) { return mid + j + acc; }      /* two levels: mid, and acc one more out */
    return inner(k) + inner(1);
  }
  add(1);
  twice(2);
  return acc * 100 + deep(5);
}

struct S { int a[4]; };
struct S mk(int x) {
  int base = x;
  struct S g(int y) { struct S s = {{base, y, base + y, 7}}; return s; }
  return g(3);
}

void bump(int N) {
  int foo(char a[2][++N]) { N += 4; return sizeof(a[0]); }  /* side effect in a parameter's VLA size */
  int a = foo(0), b = foo(0);
  printf("%d %d %d\n", a, b, N);
}

int main(void) {
  printf("%d\n", outer(4));
  struct S s = mk(10);
  printf("%d %d %d %d\n", s.a[0], s.a[1], s.a[2], s.a[3]);
  bump(1);
  return 0;
}
