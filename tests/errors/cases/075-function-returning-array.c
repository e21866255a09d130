typedef int row[4];

row first_row(void); /* ERROR */

int get(void) { return 0; }
