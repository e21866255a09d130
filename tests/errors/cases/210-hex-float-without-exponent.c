double half(void)
{
  double a = 0x1p-1;
  double b = 0x1.8; /* ERROR */
  return a + b;
}
