#define EMPTY_HEADER

int before;

#include EMPTY_HEADER /* ERROR */
