int skip(int a, int)
{
  goto done;
done:
  int r = a; /* no warning in gnu17 */
  return r;
}

int probe(void)
{
  return sizeof(skip) + 1 > 0 ? 1 : 0;
}

int warn(void)
{
  char *p = 1; /* WARNING */
  return p != 0;
}
