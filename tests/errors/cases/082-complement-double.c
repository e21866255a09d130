unsigned mask(double d)
{
  unsigned m = 0xff;
  return m & ~d; /* ERROR */
}
