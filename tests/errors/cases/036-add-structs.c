struct money { long cents; };

struct money total(struct money a, struct money b)
{
  struct money r;
  r = a + b; /* ERROR */
  return r;
}
