int lookup(int k)
{
  extern int table_size = 16; /* ERROR */
  return k % table_size;
}
