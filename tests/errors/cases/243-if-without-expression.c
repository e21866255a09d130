#define A 1

#if /* ERROR */
int a;
#endif
