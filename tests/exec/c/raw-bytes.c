/* A source file that is not valid UTF-8: string and character literals keep its bytes (gcc). */
#include <stdio.h>
const char s[] = "aÿÃ©b€ğŸ˜€";
int c = 'ş';
#if 'ş' < 0
int neg = 1;
#else
int neg = 0;
#endif
int main(void){ for (unsigned k = 0; k < sizeof s; k++) printf("%02x ", (unsigned char)s[k]); printf("%d %d\n", c, neg); return 0; }
