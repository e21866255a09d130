unsigned _Bool flag; /* ERROR */
