#include <stdio.h>
int main(void) {
  char a[16], b[16];
  __builtin_memset(a, 'z', sizeof a); a[15] = 0;
  __builtin_memcpy(b, a, 16); b[3] = 'A';
  printf("%s %s %d\n", a, b, (int)__builtin_strlen(b));
  printf("%d\n", __builtin_memcmp(a, b, 16) > 0);
  return 0;
}
