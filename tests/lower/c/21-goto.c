#include <stdio.h>
int main(void) {
  int i = 0, s = 0;
top:
  s += i;
  if (++i < 5) goto top;
  printf("%d\n", s);
  goto skip;
  printf("never\n");
skip:
  for (i = 0; i < 3; i++) { for (int j = 0; j < 3; j++) if (i * j == 2) goto out; }
out:
  printf("%d\n", i);
  return 0;
}
