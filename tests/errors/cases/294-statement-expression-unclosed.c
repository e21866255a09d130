int calc(int a)
{
  int r = ({ int t = a * 2; t + 1; ); /* ERROR */
  return r;
}
