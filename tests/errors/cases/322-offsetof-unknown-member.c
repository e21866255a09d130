#include <stddef.h>

struct s { int a, b; };

unsigned long off = offsetof(struct s, c); /* ERROR */
