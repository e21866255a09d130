int first(int n)
{
  int total = n;
  return total[0]; /* ERROR */
}
