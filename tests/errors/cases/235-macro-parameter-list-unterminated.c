#define SQUARE(x) ((x) * (x))
#define CUBE(x ((x) * (x) * (x)) /* ERROR */

int sq(int v) { return SQUARE(v); }
