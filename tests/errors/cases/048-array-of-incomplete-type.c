struct record;

extern int nrecords;

struct record table[8]; /* ERROR */
