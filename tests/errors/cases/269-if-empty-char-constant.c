#define C 'a'

#if C == '' /* ERROR */
int c;
#endif
