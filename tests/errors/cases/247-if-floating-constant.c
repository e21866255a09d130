#define VERSION 1.5 /* ERROR */

#if VERSION > 1
int new_api;
#endif
