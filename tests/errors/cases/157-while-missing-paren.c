int drain(int *q)
{
  int n = 0;
  while (*q != 0 { /* ERROR */
    q++;
    n++;
  }
  return n;
}
