struct config {
  const int version;
  int flags;
};

void set_flags(struct config *c, int f)
{
  c->flags = f;
  c->version = 2; /* ERROR */
}
