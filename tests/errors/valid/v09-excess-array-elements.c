static int small[2] = { 1, 2, 3 }; /* WARNING */

int get(int i) { return small[i]; }
