unsigned long empty(void)
{
  unsigned long n = 1;
  return n + sizeof(); /* ERROR */
}
