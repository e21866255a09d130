#define CAT(a, b) a ## b
#define LEAD(x) ## x /* ERROR */

int CAT(var, 1) = 1;
