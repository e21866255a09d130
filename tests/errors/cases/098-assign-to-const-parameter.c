unsigned hash(const unsigned seed, const char *s)
{
  unsigned h = seed;
  while (*s)
    h = h * 31 + (unsigned char)*s++;
  seed = h; /* ERROR */
  return h;
}
