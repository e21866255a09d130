#ifndef LIMIT
#define LIMIT 8
#endif

int limit(void) { return LIMIT; }
#endif /* ERROR */
