char *middle(char *lo, char *hi)
{
  if (lo == hi)
    return lo;
  return (lo + hi) / 2; /* ERROR */
}
