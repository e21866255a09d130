int compute(int v)
{
  int result = v;
  int int = 3; /* ERROR */
  return result;
}
