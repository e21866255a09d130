static int twice(int v) { return v * 2; }

int call(int x)
{
  int y = twice{x}; /* ERROR */
  return y;
}
