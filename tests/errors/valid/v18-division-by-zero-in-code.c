int ratio(int a)
{
  return a / 0; /* WARNING */
}
