#define Y 1

#if Y : 2 /* ERROR */
int c;
#endif
