int pair(void)
{
  int first second = 2; /* ERROR */
  return 0;
}
