#define MODE 0

#if MODE
int m = 1;
#elif /* ERROR */
int m = 2;
#endif
