#define DEBUG 1

#if defined /* ERROR */
int dbg;
#endif
