int accumulate(int x, int y)
{
  int z = x;
  (x + y) += 2; /* ERROR */
  return z;
}
