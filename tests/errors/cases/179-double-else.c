int cmp(int a, int b)
{
  int r;
  if (a < b)
    r = -1;
  else
    r = 1;
  else /* ERROR */
    r = 0;
  return r;
}
