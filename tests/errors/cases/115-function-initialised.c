static int ready;

int init(void) = 0; /* ERROR */
