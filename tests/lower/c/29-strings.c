#include <stdio.h>
#include <string.h>
int main(void) {
  const char *s = "hello, world";
  char buf[32]; memcpy(buf, s, strlen(s) + 1); buf[0] = 'H'; puts(buf);
  printf("%d %d\n", (int)strlen(s), (int)sizeof("abc"));
  char small[4] = "xy"; printf("%s %d\n", small, "abcdef"[1] == 'b');
  printf("%c%c\n", "xyz"[1], *("pq" + 1));
  char arr[] = "a\0b"; printf("%d %d\n", (int)sizeof arr, arr[2]);
  memset(buf, '-', 5); buf[5] = 0; puts(buf);
  printf("%d\n", memcmp("abc", "abd", 3) < 0);
  const char *p = "concat" "enated"; puts(p);
  return 0;
}
