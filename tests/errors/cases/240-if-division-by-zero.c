#define BLOCK 0
#define PAGES 4096

#if PAGES / BLOCK > 2 /* ERROR */
int big;
#endif
