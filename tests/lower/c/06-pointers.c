#include <stdio.h>
struct S { int a; double d; };
int main(void) {
  int arr[10]; for (int i = 0; i < 10; i++) arr[i] = i * i;
  int *p = arr + 3, *q = &arr[8];
  printf("%d %d %ld %ld\n", *p, p[2], (long)(q - p), (long)(p - q));
  p += 2; p--; printf("%d %d\n", *p, *(q - 1));
  struct S ss[4]; struct S *sp = ss; sp += 2; printf("%ld\n", (long)(sp - ss));
  printf("%d %d %d\n", p < q, p == arr + 4, q >= p);
  char *c = (char *)arr; printf("%d\n", c[12]);
  void *v = arr; v = (char *)v + 4; printf("%d\n", *(int *)v);
  int (*pa)[10] = &arr; printf("%d\n", (*pa)[9]);
  long idx = -2; printf("%d\n", q[idx]);
  int **pp = &p; **pp = 77; printf("%d\n", arr[4]);
  return 0;
}
