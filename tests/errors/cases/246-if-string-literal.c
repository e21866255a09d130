#define NAME "cc" /* ERROR */

#if NAME
int named;
#endif
