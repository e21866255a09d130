long long wide;
_Alignas(1) long long narrow; /* ERROR */
