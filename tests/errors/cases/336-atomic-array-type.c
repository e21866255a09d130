_Atomic(int[4]) slots; /* ERROR */
