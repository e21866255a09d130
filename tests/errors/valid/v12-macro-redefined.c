#define LIMIT 10
#define LIMIT 20 /* WARNING */

int limit(void) { return LIMIT; }
