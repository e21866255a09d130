static int cache_size = 64;

static extern int cache_hits; /* ERROR */

int hits(void) { return cache_size; }
