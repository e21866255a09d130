_Alignas(16) int compute(void); /* ERROR */
