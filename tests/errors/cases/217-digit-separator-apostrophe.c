long population(void)
{
  long p = 8'000'000'000; /* ERROR */
  return p;
}
