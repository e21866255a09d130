static const unsigned generation = 1;

unsigned advance(void)
{
  unsigned g = generation;
  generation++; /* ERROR */
  return g;
}
