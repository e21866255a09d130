struct a { int x; };
struct b { int x; };

void copy(struct a *dst, struct b src)
{
  *dst = src; /* ERROR */
}
