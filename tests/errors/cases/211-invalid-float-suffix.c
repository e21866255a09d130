float third(void)
{
  float a = 1.0f;
  float b = 3.0fx; /* ERROR */
  return a / b;
}
