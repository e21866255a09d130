typedef int v4si __attribute__((vector_size(16)));

typedef int vbad __attribute__((vector_size(6))); /* ERROR */
