float wrap(float f)
{
  f %= 2; /* ERROR */
  return f;
}
