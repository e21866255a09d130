int choose(int c, int a, int b)
{
  int r = c ? a ; /* ERROR */
  return r + b;
}
