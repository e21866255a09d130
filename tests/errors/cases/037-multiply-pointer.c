int *advance(int *p, int n)
{
  int *q = p + n;
  return q * 2; /* ERROR */
}
