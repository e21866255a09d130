int limit = 10;
int limit = 20; /* ERROR */

int get(void) { return limit; }
