const char *name_of(int v)
{
  const char *s = "value";
  return _Generic(v int: "int", default: s); /* ERROR */
}
