#define RATIO 1.5

static char buffer[RATIO * 4]; /* ERROR */

char *get(void) { return buffer; }
