typedef int fn_t(int);

static int counter;

_Atomic fn_t *table; /* ERROR */
