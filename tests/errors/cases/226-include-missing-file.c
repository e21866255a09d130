#include <stddef.h>
#include "no-such-header-for-cc-ts-tests.h" /* ERROR */

int f(void) { return 0; }
