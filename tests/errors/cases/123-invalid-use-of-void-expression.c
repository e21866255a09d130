static void reset(int *p) { *p = 0; }

int size_after(int *p)
{
  int n = 1;
  return n + reset(p); /* ERROR */
}
