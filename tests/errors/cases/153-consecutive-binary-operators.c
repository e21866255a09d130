int ratio(int a, int b)
{
  int r = a * / b; /* ERROR */
  return r;
}
