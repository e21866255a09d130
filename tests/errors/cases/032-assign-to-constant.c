int store(int x)
{
  int y = x * 2;
  3 = y; /* ERROR */
  return y;
}
