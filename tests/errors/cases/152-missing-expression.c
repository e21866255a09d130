int init(void)
{
  int x;
  x = ; /* ERROR */
  return x;
}
