#define HAVE_X 1

#if defined(HAVE_X /* ERROR */
int x;
#endif
