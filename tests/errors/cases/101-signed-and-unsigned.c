static unsigned total;

signed unsigned int offset; /* ERROR */
