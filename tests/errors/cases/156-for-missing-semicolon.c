int sum(const int *a, int n)
{
  int s = 0, i;
  for (i = 0 i < n; i++) /* ERROR */
    s += a[i];
  return s;
}
