int *locate(int a, int b)
{
  static int slot;
  slot = a;
  return &(a + b); /* ERROR */
}
