static char small[16];

static char huge[0x7fffffffffffffffL][4]; /* ERROR */
