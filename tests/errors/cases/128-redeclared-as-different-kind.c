int status;

int check(void) { return status; }

void status(void); /* ERROR */
