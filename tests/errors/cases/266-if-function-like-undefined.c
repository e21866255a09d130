#define VERSION_MAJOR 4

#if VERSION_MAJOR >= 4 && HAS_FEATURE(threads) /* ERROR */
int threads;
#endif
