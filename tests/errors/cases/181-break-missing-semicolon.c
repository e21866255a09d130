int scan(const char *s)
{
  int n = 0;
  for (;;) {
    if (!s[n])
      break /* ERROR */
    n++;
  }
  return n;
}
