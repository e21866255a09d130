unsigned long hash(const char *p)
{
  return p << 3; /* ERROR */
}
