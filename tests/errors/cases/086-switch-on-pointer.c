int first_char(const char *s)
{
  switch (s) { /* ERROR */
  case 0: return -1;
  }
  return s[0];
}
