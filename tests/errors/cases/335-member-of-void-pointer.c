int peek(void *p)
{
  return p->count; /* ERROR */
}
