#include <stdio.h>
#include <stdalign.h>
struct A { char c; double d; }; struct B { char c; short s; char t; };
int main(void) {
  int n = 7; char vla[n]; int arr[n][3];
  printf("%d %d %d %d\n", (int)sizeof(struct A), (int)alignof(struct A), (int)sizeof(struct B), (int)_Alignof(struct B));
  printf("%d %d %d\n", (int)sizeof vla, (int)sizeof arr, (int)sizeof arr[0]);
  printf("%d %d\n", (int)sizeof(long double), (int)sizeof(__int128));
  alignas(32) char buf[3]; printf("%d\n", (int)((unsigned long)buf % 32));
  return 0;
}
