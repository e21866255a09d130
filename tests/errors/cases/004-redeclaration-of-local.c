int parse(const char *s)
{
  int value = 0;
  while (*s >= '0' && *s <= '9')
    value = value * 10 + (*s++ - '0');
  int value; /* ERROR */
  return value;
}
