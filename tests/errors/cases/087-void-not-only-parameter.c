int valid(int a);

int broken(int a, void); /* ERROR */
