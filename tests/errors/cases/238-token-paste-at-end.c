#define CAT(a, b) a ## b
#define TRAIL(x) x ## /* ERROR */

int CAT(var, 2) = 2;
