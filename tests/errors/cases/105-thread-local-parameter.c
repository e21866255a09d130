static inline int twice(int x) { return 2 * x; }

int apply(_Thread_local int threshold); /* ERROR */
