static int base;

int blend(int a, int b, int a) /* ERROR */
{
  return a + b + base;
}
