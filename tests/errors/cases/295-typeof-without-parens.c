int twice(int v)
{
  int w = v;
  __typeof__ w u = w * 2; /* ERROR */
  return u;
}
