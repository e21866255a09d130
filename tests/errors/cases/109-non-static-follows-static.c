static int refcount;

void retain(void) { refcount++; }

int refcount; /* ERROR */
