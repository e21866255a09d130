long total(int *xs)
{
  long *lp = xs; /* WARNING */
  return *lp;
}
