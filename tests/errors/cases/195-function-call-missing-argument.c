static int diff(int a, int b) { return a - b; }

int use(int x)
{
  return diff(x, ); /* ERROR */
}
