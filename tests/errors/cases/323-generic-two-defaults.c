int kind(int v)
{
  return _Generic(v, default: 1, int: 2, default: 3); /* ERROR */
}
