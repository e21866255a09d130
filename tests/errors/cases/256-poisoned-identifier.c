#include <stddef.h>

#pragma GCC poison gets_unsafe

int safe(void) { return 0; }

int gets_unsafe(char *buf); /* ERROR */
