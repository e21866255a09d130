#define GOOD(a) (a)
#define BAD(1) (1) /* ERROR */

int g = GOOD(2);
