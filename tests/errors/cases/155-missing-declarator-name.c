static int width = 4;

int = 5; /* ERROR */
