typedef _Alignas(8) int aligned_int; /* ERROR */
