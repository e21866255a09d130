#define TRACE 1

#if defined 1 /* ERROR */
int tr;
#endif
