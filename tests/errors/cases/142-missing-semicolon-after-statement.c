int count_spaces(const char *s)
{
  int n = 0;
  while (*s) {
    if (*s == ' ')
      n++ /* ERROR */
    s++;
  }
  return n;
}
