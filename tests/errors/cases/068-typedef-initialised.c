typedef unsigned long word_t;

typedef int count_t = 0; /* ERROR */

word_t words(void) { return 1; }
