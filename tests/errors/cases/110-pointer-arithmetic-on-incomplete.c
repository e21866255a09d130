struct blob;

struct blob *next_blob(struct blob *b)
{
  if (!b)
    return b;
  return b + 1; /* ERROR */
}
