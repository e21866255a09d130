int perms(void)
{
  int mode = 0755;
  int other = 0789; /* ERROR */
  return mode | other;
}
