int scale(int factor)
{
  int factor = 2; /* ERROR */
  return factor;
}
