int f(int n)
{
  goto inside; /* ERROR */
  {
    int vla[n];
  inside:
    vla[0] = 1;
    return vla[0];
  }
}
