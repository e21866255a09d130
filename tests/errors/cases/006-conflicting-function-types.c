int compute(int a, int b);

int use(void)
{
  return compute(1, 2);
}

double compute(int a, int b) /* ERROR */
{
  return a * 0.5 + b;
}
