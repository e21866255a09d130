int old_style(a, b)
  int a;
  int b;
  int c; /* ERROR */
{
  return a + b;
}
