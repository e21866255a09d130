#define A 1
#define B 2

#if (A + B > 2 /* ERROR */
int ab;
#endif
