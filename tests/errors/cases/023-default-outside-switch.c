int pick(int k)
{
  int r = 0;
  while (k-- > 0) {
    r += k;
  default: /* ERROR */
    r--;
  }
  return r;
}
