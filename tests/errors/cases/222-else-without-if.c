#define DEBUG 0

int level(void) { return DEBUG; }

#else /* ERROR */
int extra;
#endif
