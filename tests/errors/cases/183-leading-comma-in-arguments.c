static int add3(int a, int b, int c) { return a + b + c; }

int call(void)
{
  return add3(, 1, 2); /* ERROR */
}
