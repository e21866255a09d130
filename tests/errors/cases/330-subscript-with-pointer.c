int pick(int *a, int *i)
{
  return a[i]; /* ERROR */
}
