typedef struct { int x; } point_t;

point_t origin;

int point_t; /* ERROR */
