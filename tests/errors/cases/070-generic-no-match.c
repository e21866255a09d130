int describe(void)
{
  float f = 1.0f;
  int a = _Generic(1, int: 1, long: 2, double: 3);
  return a + _Generic(f, int: 1, long: 2, double: 3); /* ERROR */
}
