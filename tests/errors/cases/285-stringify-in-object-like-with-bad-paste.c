#define GLUE(a, b) a ## b
#define MAKE_FN(name) int GLUE(name, _fn)(void) { return 0; }

MAKE_FN(alpha)

int beta = GLUE(., +); /* ERROR */
