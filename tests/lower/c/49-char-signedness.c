#include <stdio.h>
int main(void) {
  char c = (char)200; signed char sc = (signed char)200; unsigned char uc = 200;
  printf("%d %d %d\n", c < 0, sc, uc);
  char s[] = "\xff\x80"; printf("%d %d\n", s[0], (unsigned char)s[1]);
  int i = '\377'; printf("%d\n", i);
  return 0;
}
