int sign(int x)
{
  if x > 0 /* ERROR */
    return 1;
  return 0;
}
