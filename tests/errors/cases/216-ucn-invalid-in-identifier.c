int lookup(void)
{
  int plain = 1;
  int \u0041bc = 2; /* ERROR */
  return plain;
}
