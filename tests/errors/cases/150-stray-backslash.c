int join(int a, int b)
{
  int c = a \ b; /* ERROR */
  return c;
}
