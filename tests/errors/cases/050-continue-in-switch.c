int skip_zero(int v)
{
  switch (v) {
  case 0:
    continue; /* ERROR */
  default:
    return v;
  }
}
