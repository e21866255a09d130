int find(const int *a, int n, int key)
{
  int i = 0;
  if (n == 0)
    break; /* ERROR */
  for (; i < n; i++)
    if (a[i] == key)
      return i;
  return -1;
}
