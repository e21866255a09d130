int parity(int v)
{
  int r = 0;
  {
    r = v & 1;
  }
  else /* ERROR */
    r = 2;
  return r;
}
