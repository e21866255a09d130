struct ok { int a; };

struct bad int b; }; /* ERROR */
