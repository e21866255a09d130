int n = 10;

int values[n]; /* ERROR */
