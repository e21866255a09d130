void copy(int *dst, const int *src, int n)
{
  register int i;
  int *pi;
  for (i = 0; i < n; i++)
    dst[i] = src[i];
  pi = &i; /* ERROR */
  (void)pi;
}
