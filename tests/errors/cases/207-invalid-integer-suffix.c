unsigned long big(void)
{
  unsigned long a = 10UL;
  unsigned long b = 123abc; /* ERROR */
  return a + b;
}
