_Static_assert(sizeof(int) >= 2, "int too small");

_Static_assert sizeof(long) >= 4, "long too small"); /* ERROR */
