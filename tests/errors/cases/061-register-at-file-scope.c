int scale = 3;

register int accumulator; /* ERROR */

int get_scale(void) { return scale; }
