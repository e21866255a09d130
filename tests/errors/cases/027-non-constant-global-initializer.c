int width = 80;
int height = 25;

int cells = width * height; /* ERROR */

int get_cells(void) { return cells; }
