static int clamp(int v, int lo, int hi)
{
  return v < lo ? lo : v > hi ? hi : v;
}

int scale(int v)
{
  return clamp(v * 2, 0) + 1; /* ERROR */
}
