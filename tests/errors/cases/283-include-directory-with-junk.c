#include <stddef.h>

#include ("missing-parenthesised.h") /* ERROR */

int w;
