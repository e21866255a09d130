#define VALID 1
#define 123 456 /* ERROR */

int valid(void) { return VALID; }
