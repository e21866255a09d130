typedef unsigned size_type;

unsigned grow(unsigned n)
{
  unsigned m = n;
  return m + size_type; /* ERROR */
}
