long negate_offset(char *p)
{
  long off = 0;
  off = -p; /* ERROR */
  return off;
}
