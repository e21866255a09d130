inline int threshold = 4; /* WARNING */

int get(void) { return threshold; }
