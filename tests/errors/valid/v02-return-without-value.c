int maybe(int x)
{
  if (x > 0)
    return x;
  return; /* WARNING */
}
