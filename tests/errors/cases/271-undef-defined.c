#define X 1
#undef X
#undef defined /* ERROR */

int x;
