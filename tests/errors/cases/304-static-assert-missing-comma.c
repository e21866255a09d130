_Static_assert(sizeof(char) == 1, "char is a byte");

_Static_assert(sizeof(short) >= 2 "short too small"); /* ERROR */
