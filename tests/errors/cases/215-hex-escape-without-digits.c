const char *esc(void)
{
  const char *ok = "\x41";
  const char *bad = "\x"; /* ERROR */
  return bad ? ok : bad;
}
