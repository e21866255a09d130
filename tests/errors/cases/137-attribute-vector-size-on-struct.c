struct pair { int a, b; };

typedef struct pair vpair __attribute__((vector_size(16))); /* ERROR */
