#define VA(...) f(__VA_ARGS__)
#define BADVA(..., x) f(x) /* ERROR */

int v;
