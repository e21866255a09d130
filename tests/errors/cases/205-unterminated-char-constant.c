int is_quote(int c)
{
  int q = '\''; 
  return c == q || c == '"; /* ERROR */
}
