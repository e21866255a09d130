int table(void)
{
  int values[8;  /* ERROR */
  values[0] = 1;
  return values[0];
}
