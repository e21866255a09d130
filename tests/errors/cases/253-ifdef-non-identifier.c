#define LIMIT 5

#ifdef 5 /* ERROR */
int five;
#endif
