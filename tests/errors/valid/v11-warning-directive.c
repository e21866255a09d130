#define OLD_API 1

#ifdef OLD_API
#warning "OLD_API is deprecated" /* WARNING */
#endif

int api(void) { return OLD_API; }
