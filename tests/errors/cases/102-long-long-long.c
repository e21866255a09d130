typedef long long i64;

long long long huge; /* ERROR */
