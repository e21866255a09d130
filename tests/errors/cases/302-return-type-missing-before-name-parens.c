static int fine(void) { return 1; }

int (void) broken; /* ERROR */
