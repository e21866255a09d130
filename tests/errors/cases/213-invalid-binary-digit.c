unsigned bits(void)
{
  unsigned a = 0b1011;
  unsigned b = 0b102; /* ERROR */
  return a ^ b;
}
