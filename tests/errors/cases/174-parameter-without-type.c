int good(int a, int b);

int bad(int a, b); /* ERROR */
