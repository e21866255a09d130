int is_null(int *p)
{
  return p == 5; /* WARNING */
}
