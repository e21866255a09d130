#include <stddef.h /* ERROR */
int x;
