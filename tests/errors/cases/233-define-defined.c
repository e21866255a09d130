#define ENABLED 1
#define defined 1 /* ERROR */

int enabled(void) { return ENABLED; }
