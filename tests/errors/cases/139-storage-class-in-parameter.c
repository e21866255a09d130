int fine(register int x);

int bad(static int x); /* ERROR */
