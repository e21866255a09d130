int read_value(int addr)
{
  int v = addr + 4;
  return *v; /* ERROR */
}
