int first(const int *a)
{
  int base = 0;
  return a[] + base; /* ERROR */
}
