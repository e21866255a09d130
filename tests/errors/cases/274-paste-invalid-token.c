#define JOIN(a, b) a ## b

int join_ok(int x) { return JOIN(x, ); }

int join_bad(int x) { return x JOIN(+, -) 1; } /* ERROR */
