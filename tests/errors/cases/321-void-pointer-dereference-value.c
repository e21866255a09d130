int load(void *vp)
{
  int x = *vp; /* ERROR */
  return x;
}
