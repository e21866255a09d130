int adjust(int v)
{
  const int limit = 100;
  if (v > 50)
    limit = 200; /* ERROR */
  return v < limit ? v : limit;
}
