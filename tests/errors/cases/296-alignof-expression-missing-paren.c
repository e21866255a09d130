unsigned long align_int(void)
{
  return _Alignof int; /* ERROR */
}
