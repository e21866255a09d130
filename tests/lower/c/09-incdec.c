#include <stdio.h>
int main(void) {
  int i = 5; int a = i++; int b = ++i; int c = i--; int d = --i;
  printf("%d %d %d %d %d\n", a, b, c, d, i);
  double x = 1.5; x++; ++x; x--; printf("%f\n", x);
  float f = 0.25f; f++; printf("%f\n", (double)f);
  char s[] = "abcdef"; char *p = s; p++; ++p; char c1 = *p++; printf("%c %c\n", c1, *p);
  _Bool bo = 0; bo++; printf("%d\n", bo); bo++; printf("%d\n", bo); bo--; printf("%d\n", bo); bo--; printf("%d\n", bo);
  unsigned char uc = 255; uc++; printf("%d\n", uc);
  long long ll = -1; ll++; printf("%lld\n", ll);
  int arr[3] = {1, 2, 3}; int *q = arr; (*q)++; q[1]++; ++*(q + 2); printf("%d %d %d\n", arr[0], arr[1], arr[2]);
  return 0;
}
