void set(long v)
{
  int x;
  (long)x = v; /* ERROR */
}
