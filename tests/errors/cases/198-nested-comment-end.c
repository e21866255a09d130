int flags(void)
{
  int f = 0; /* outer /* inner */ set below */ /* ERROR */
  f |= 1;
  return f;
}
