double version(void)
{
  double v = 1.2.3; /* ERROR */
  return v;
}
