#include <stddef.h>

/* a header name that treats a file as a directory */
#include <stddef.h/ptrdiff.h> /* ERROR */

size_t count(void) { return 0; }
