int f(int n, int k)
{
  switch (k) {
    int vla[n];
  case 1: /* ERROR */
    vla[0] = k;
    return vla[0];
  }
  return 0;
}
