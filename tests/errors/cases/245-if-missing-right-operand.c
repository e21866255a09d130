#define BASE 10

#if BASE + /* ERROR */
int based;
#endif
