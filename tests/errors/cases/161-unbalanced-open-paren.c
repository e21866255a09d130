int mix(int a, int b, int c)
{
  int r = (a + (b * c);  /* ERROR */
  return r;
}
