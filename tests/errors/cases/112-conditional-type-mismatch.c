struct box { int v; };

int pick(int c, struct box b)
{
  int r = c ? b : 0; /* ERROR */
  return r;
}
