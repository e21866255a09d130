enum mode;

static int count;

enum mode current; /* ERROR */
