static int level = {{ 3 }}; /* WARNING */

int get_level(void) { return level; }
