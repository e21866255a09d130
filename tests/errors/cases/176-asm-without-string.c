void barrier(void)
{
  int x = 0;
  __asm__ volatile (x); /* ERROR */
}
