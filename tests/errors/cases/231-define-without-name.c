#define OK 1

#define /* ERROR */

int ok(void) { return OK; }
