/* gcc folds __builtin_isdigit, __builtin_isascii and __builtin_toascii at every level (the Linux
 * kernel's isdigit is __builtin_isdigit and there is no library to call): the definitions below must
 * not be called. */
#include <stdio.h>

int isdigit(int c) { (void)c; return 42; }
int isascii(int c) { (void)c; return 43; }
int toascii(int c) { (void)c; return 44; }

int main(void) {
  unsigned s = 0;
  for (int c = -300; c < 300; c++) s = s * 31 + __builtin_isdigit(c) * 7 + __builtin_isascii(c) * 3 + __builtin_toascii(c);
  printf("%u %d %d %d\n", s, __builtin_isdigit('5'), __builtin_isascii(200), __builtin_toascii(0x1c1));
  return 0;
}
