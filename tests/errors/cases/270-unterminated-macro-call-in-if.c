#define CHECK(a, b) ((a) + (b))

#if CHECK(1, 2 /* ERROR */
int ok;
#endif
