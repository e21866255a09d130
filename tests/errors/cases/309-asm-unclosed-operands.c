int read_flags(void)
{
  int f = 0;
  __asm__ volatile ("" : "=r"(f)
  return f; /* ERROR */
}
