int *remember(void)
{
  int local = 3;
  static int *p = &local; /* ERROR */
  return p;
}
