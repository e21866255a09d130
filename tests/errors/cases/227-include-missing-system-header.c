#include <stddef.h>
#include <cc_ts_missing/nothing.h> /* ERROR */

size_t g(void) { return 0; }
