#define PAIR(a, ) (a) /* ERROR */

int x;
