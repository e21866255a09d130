float twice(float x)
{
  float y = x;
  return y << 1; /* ERROR */
}
