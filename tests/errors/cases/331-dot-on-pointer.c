struct pt { int x; };

int getx(struct pt *p)
{
  return p.x; /* ERROR */
}
