char *writable(const char *s)
{
  char *p = s; /* WARNING */
  return p;
}
