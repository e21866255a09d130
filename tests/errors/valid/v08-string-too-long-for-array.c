static char tag[4] = "ABCDE"; /* WARNING */

char first(void) { return tag[0]; }
