static int add(int a, int b)
{
  return a + b;
}

int total(int x)
{
  int y = 4;
  return add(x, y, 1); /* ERROR */
}
