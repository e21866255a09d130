#include <stdio.h>
#include <stdbool.h>
enum Color { RED, GREEN = 5, BLUE };
enum Big { BIGV = 0x7fffffff };
bool isodd(int x) { return x & 1; }
int main(void) {
  enum Color c = BLUE; printf("%d %d\n", c, GREEN + RED);
  bool b = 42; printf("%d %d %d\n", b, isodd(3), isodd(4));
  bool arr[3] = { 1, 0, 7 }; printf("%d\n", arr[0] + arr[1] + arr[2]);
  b = b && !b; printf("%d %d\n", b, (int)sizeof(bool));
  printf("%d\n", BIGV);
  b = 0.0001; printf("%d\n", b);
  return 0;
}
