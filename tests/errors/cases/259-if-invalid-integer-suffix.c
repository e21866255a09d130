#define RATE 100

#if RATE > 50xyz /* ERROR */
int fast;
#endif
