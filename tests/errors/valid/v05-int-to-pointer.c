int *fixed_address(void)
{
  int *p = 0x1000; /* WARNING */
  return p;
}
