int value(int a, int b)
{
  return a + b;
}

int x = 1 + /* ERROR */
