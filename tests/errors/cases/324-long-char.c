long char wide; /* ERROR */
