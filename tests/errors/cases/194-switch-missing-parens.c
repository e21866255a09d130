int f(int v)
{
  switch v { /* ERROR */
  case 0: return 1;
  }
  return 0;
}
