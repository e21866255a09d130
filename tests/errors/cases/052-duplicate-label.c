int retry(int (*op)(void))
{
  int tries = 3;
again:
  if (op() == 0)
    return 0;
  if (--tries > 0)
    goto again;
again: /* ERROR */
  return -1;
}
