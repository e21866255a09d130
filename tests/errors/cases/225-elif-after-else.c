#ifdef USE_FAST
int speed = 2;
#else
int speed = 1;
#elif defined(USE_SLOW) /* ERROR */
int speed = 0;
#endif
