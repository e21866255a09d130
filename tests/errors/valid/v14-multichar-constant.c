int tag(void)
{
  int t = 'abcd'; /* WARNING */
  return t;
}
