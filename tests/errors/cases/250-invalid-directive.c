#define OK 1

#iff OK /* ERROR */
int ok;
#endif
