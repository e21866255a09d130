#define DIV 0

#if DIV
int d = 1;
#elif 10 / DIV /* ERROR */
int d = 2;
#endif
