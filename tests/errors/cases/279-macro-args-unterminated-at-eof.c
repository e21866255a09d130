#define APPLY(f, x) f(x)

static int neg(int v) { return -v; }

int r = APPLY(neg, /* ERROR */
