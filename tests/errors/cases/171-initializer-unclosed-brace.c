static int primes[] = { 2, 3, 5, 7;  /* ERROR */

int nth(int i) { return primes[i]; }
