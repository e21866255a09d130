struct span { const char *start; unsigned len; };

unsigned span_len(void)
{
  int n = 4;
  struct span s = n; /* ERROR */
  return s.len;
}
