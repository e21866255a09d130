#ifdef /* ERROR */
int x;
#endif
