const char *kind(int v)
{
  const char *k = "int";
  return _Generic v, int: k); /* ERROR */
}
