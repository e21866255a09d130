int g(int x)
{
  if (x)
    goto; /* ERROR */
  return 0;
}
