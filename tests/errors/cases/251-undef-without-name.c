#define TMP 1
#undef TMP
#undef /* ERROR */

int t;
