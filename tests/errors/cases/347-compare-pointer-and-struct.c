struct s { int v; };

int same(struct s *p, struct s v)
{
  return p == v; /* ERROR */
}
