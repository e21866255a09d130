double tiny(void)
{
  double a = 1e-5;
  double b = 2e+; /* ERROR */
  return a * b;
}
