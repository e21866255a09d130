#ifdef WANT_FAST /* ERROR */
int speed(void) { return 2; }
#else
int speed(void) { return 1; }
