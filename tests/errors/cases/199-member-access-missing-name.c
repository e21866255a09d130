struct s { int a; };

int get(struct s *p)
{
  int b = p->a;
  return b + p->; /* ERROR */
}
