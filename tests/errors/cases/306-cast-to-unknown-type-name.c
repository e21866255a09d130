long widen(int v)
{
  long w = (long)v;
  return w + (wide_t)v; /* ERROR */
}
