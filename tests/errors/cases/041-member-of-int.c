struct item { int id; };

int get_id(int it)
{
  struct item real = { it };
  (void)real;
  return it.id; /* ERROR */
}
