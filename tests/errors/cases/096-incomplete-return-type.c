struct stats;

struct stats compute(int n) /* ERROR */
{
  (void)n;
}
