int mode(int m)
{
  switch (m) {
  case 0:
    return 10;
  default:
    return 20;
  default: /* ERROR */
    return 30;
  }
}
