static int data[4];

int (*broken_ptr = data; /* ERROR */
