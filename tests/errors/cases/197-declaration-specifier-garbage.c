static int good;

static int 5bad; /* ERROR */
