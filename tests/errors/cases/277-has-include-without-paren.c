#if __has_include(<stddef.h>)
int have_stddef;
#endif

#if __has_include "stdio.h" /* ERROR */
int have_stdio;
#endif
