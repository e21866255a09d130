#define HAVE_THREADS

#ifdef HAVE_THREADS /* ERROR */
int threads(void) { return 4; }

int cores(void) { return 1; }
