struct key { int a, b; };

int same(struct key x, struct key y)
{
  int eq = x.a == y.a;
  return eq && x == y; /* ERROR */
}
