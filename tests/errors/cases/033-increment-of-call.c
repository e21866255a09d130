static int counter(void) { static int c; return c; }

void tick(void)
{
  counter()++; /* ERROR */
}
