const char *quoted(void)
{
  const char *s = "ok";
  return `s`; /* ERROR */
}
