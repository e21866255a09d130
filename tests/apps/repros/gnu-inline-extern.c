/* extern inline with __attribute__((gnu_inline)) (what glibc's __extern_inline expands to at -O1 and
   above: atoi, vprintf, tolower, ...) must not emit a definition: the body is only for inlining, and
   calls that are not inlined, or the function's address, go to the external definition. cc-ts emits a
   global (or weak) definition, so (a) two objects including <stdlib.h> at -O2 clash with "multiple
   definition of `atoi'" at link time (this broke Lua at -O2), and (b) the later real definition below
   is rejected as a redefinition. gcc at -O0 and -O2 prints 63. */
#include <stdio.h>
extern int twice(int x);
extern __inline __attribute__((__gnu_inline__)) int twice(int x) { return 2 * x; }
int (*volatile fp)(int) = twice;
int main(void) { printf("%d\n", fp(21)); return 0; }
int twice(int x) { return 3 * x; }
