int codes[] = "abc"; /* ERROR */

int first(void) { return codes[0]; }
