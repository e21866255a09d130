#define CONFIG_VERSION 2

#if CONFIG_VERSION < 3
#error "configuration version 3 or later is required" /* ERROR */
#endif

int version(void) { return CONFIG_VERSION; }
