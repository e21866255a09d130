#define X 1

#if X ? 2 /* ERROR */
int q;
#endif
