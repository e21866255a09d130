struct result { int code; const char *msg; };

static struct result ok(void) { struct result r = { 0, "ok" }; return r; }

int status(void)
{
  struct result r = ok();
  return r; /* ERROR */
}
