static int count;

int char mixed; /* ERROR */
