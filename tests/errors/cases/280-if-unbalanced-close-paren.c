#define N 4

#if (N > 2)) /* ERROR */
int n;
#endif
