int max(int a, int b) { return a > b ? a : b; }

int clamp_top(int v)
{
  return max(v, 100; /* ERROR */
}
