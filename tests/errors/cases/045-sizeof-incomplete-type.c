struct handle;

unsigned long handle_size(void)
{
  unsigned long n = 16;
  return n + sizeof(struct handle); /* ERROR */
}
