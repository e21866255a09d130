int mode(void) { return 1; }

#elif defined(MODE) /* ERROR */
int other;
#endif
