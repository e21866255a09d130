int ratio = 1 / 0; /* ERROR */
