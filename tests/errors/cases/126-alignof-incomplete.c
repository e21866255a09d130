struct later;

unsigned long align_of_later(void)
{
  return _Alignof(struct later); /* ERROR */
}
