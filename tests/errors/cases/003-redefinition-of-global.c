static const char *names[] = { "a", "b" };

int limit = 10;
int other = 3;
int limit = 20; /* ERROR */

int get(void) { return limit + other + (int)sizeof names; }
