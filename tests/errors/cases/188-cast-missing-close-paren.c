long widen(int v)
{
  long w = (long v; /* ERROR */
  return w;
}
