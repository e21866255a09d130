struct wrapper { int inner; };

int unwrap(struct wrapper w)
{
  int v = w.inner;
  return v + (int)w; /* ERROR */
}
