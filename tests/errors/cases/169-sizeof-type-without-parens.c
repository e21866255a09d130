unsigned long words(unsigned long bytes)
{
  return bytes / sizeof int; /* ERROR */
}
