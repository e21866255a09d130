static int impl(void) { return 1; }

void override(void)
{
  impl = 0; /* ERROR */
}
