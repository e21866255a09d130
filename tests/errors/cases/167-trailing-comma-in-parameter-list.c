int first(int a, int b);

int second(int a,); /* ERROR */
