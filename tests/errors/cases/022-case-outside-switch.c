int classify(int c)
{
  if (c >= '0' && c <= '9')
    return 1;
  case ' ': /* ERROR */
    return 2;
  return 0;
}
