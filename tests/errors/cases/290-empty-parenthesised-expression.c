int zero(void)
{
  int z = 0;
  return z + (); /* ERROR */
}
