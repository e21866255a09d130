unsigned mask(void)
{
  unsigned m = 0xff;
  unsigned n = 0x; /* ERROR */
  return m & n;
}
