int total(int n)
{
  int a = n, , b = 2; /* ERROR */
  return a + b;
}
