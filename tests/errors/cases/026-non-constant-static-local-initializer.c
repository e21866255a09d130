int next_id(int base)
{
  static int id = base; /* ERROR */
  return id++;
}
