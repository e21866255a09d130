void fill(int *a, int n)
{
  for (int i = 0; i < n; i++; i++) /* ERROR */
    a[i] = 0;
}
