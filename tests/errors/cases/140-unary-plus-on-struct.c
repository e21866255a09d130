struct num { int v; };

int positive(struct num n)
{
  struct num m = n;
  return (+m).v; /* ERROR */
}
