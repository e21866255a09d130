static void log_msg(const char *m) { (void)m; }

int report(void)
{
  int r;
  r = log_msg("done"); /* ERROR */
  return r;
}
