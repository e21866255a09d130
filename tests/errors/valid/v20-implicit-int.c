static counter = 0; /* WARNING */

int get(void) { return counter; }
