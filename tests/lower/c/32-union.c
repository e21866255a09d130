#include <stdio.h>
union V { int i; float f; unsigned char b[8]; long long ll; };
union V mk(int i) { union V v; v.ll = 0; v.i = i; return v; }
int main(void) {
  union V v = { .f = 1.0f }; printf("%x\n", v.i);
  v = mk(0x01020304); printf("%d %d %lld\n", v.b[0], v.b[3], v.ll);
  union V arr[2] = { { 5 }, { .b = { 1, 1 } } }; printf("%d %d\n", arr[0].i, arr[1].i);
  printf("%d\n", (int)sizeof(union V));
  return 0;
}
