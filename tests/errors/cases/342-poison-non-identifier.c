#pragma GCC poison 42 /* ERROR */
int x;
