int process(int *a, int n)
{
  for (int i = 0; i < n; i++) {
    if (a[i] < 0)
      goto failed; /* ERROR */
  }
  return 0;
fail:
  return -1;
}
