int match(int v, int key)
{
  switch (v) {
  case 0:
    return 0;
  case key: /* ERROR */
    return 1;
  }
  return -1;
}
