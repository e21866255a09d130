#include <stdio.h>
void done(int *p) { printf("cleanup %d\n", *p); }
int f(int n) {
  int a __attribute__((cleanup(done))) = 1;
  for (int i = 0; i < 3; i++) {
    int b __attribute__((cleanup(done))) = 10 + i;
    if (i == n) break;
    if (i == 0) continue;
    if (i == 2) return 99;
  }
  { int c __attribute__((cleanup(done))) = 20; if (n == 5) goto out; }
out:
  return n;
}
int main(void) { printf("%d\n", f(1)); printf("%d\n", f(7)); printf("%d\n", f(5)); return 0; }
