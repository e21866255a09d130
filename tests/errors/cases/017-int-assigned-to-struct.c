struct vec { double x, y; };

void reset(struct vec *v)
{
  struct vec zero;
  zero = 0; /* ERROR */
  *v = zero;
}
