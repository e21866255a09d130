#define STR(x) #x
#define BAD(x) #y /* ERROR */

const char *name = STR(hello);
