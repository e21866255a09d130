struct s { int v; };

int empty(struct s x)
{
  return !x; /* ERROR */
}
