struct ok_s { int a; } __attribute__((packed));

struct bad_s { int a; } __attribute__(packed); /* ERROR */
