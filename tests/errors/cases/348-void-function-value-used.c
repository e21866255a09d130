void nothing(void) {}

int use(void)
{
  int x = nothing(); /* ERROR */
  return x;
}
