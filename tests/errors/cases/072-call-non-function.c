int apply(int x)
{
  int scale = 3;
  return scale(x); /* ERROR */
}
