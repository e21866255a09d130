static int configured_size = 8;

int get(void) { return configured_size; }

_Static_assert(configured_size > 0, "size must be positive"); /* ERROR */
