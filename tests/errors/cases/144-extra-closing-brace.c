int abs_val(int v)
{
  if (v < 0) {
    v = -v;
  }
  return v;
}
} /* ERROR */
