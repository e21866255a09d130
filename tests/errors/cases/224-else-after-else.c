#if defined(__linux__)
int os = 1;
#else
int os = 0;
#else /* ERROR */
int os = 2;
#endif
