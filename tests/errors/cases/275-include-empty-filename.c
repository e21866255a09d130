#include <stddef.h>

#include "" /* ERROR */

int z;
