struct counter { int n; };

void bump(struct counter c)
{
  c++; /* ERROR */
}
