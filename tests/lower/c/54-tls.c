#include <stdio.h>
__thread int tv = 5;
static __thread long tarr[4];
int main(void) { tv += 3; tarr[2] = tv * 2; printf("%d %ld\n", tv, tarr[2]); int *p = &tv; *p = 1; printf("%d\n", tv); return 0; }
