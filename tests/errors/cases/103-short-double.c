static double ratio = 0.5;

short double half; /* ERROR */
