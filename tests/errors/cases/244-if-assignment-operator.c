#define LEVEL 2

#if LEVEL = 2 /* ERROR */
int level;
#endif
