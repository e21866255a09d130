#define A 1

#if && A /* ERROR */
int a;
#endif
