#define FEATURE 1

#if FEATURE /* ERROR */
int feature(void) { return 1; }

int base(void) { return 0; }
