int is_nul(char c)
{
  char z = ''; /* ERROR */
  return c == z;
}
