double wrap_angle(double a)
{
  double full = 360.0;
  return a % full; /* ERROR */
}
