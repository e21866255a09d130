int widths(int n);

int heights(typedef int n); /* ERROR */
