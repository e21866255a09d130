#define HEADER

#include HEADER /* ERROR */

int h(void) { return 1; }
