int table[static 4]; /* ERROR */
