#include <stdio.h>
int real_fn(int x) { return x * 3; }
int alias_fn(int) __attribute__((alias("real_fn")));
int real_var = 17;
extern int alias_var __attribute__((alias("real_var")));
__attribute__((weak)) int weak_fn(void) { return 5; }
__attribute__((weak)) int weak_var = 6;
__attribute__((visibility("hidden"))) int hidden_var = 8;
__attribute__((section(".data.mine"))) int sec_var = 9;
__attribute__((aligned(64))) int aligned_var = 10;
int main(void) {
  printf("%d %d %d %d %d %d %d\n", alias_fn(4), alias_var, weak_fn(), weak_var, hidden_var, sec_var, aligned_var);
  printf("%d\n", (int)((unsigned long)&aligned_var % 64));
  return 0;
}
