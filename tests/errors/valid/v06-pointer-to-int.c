int addr_low(int *p)
{
  int v = p; /* WARNING */
  return v & 0xff;
}
