signed char small(void)
{
  signed char c = 300; /* WARNING */
  return c;
}
