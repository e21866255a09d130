struct opaque;

struct opaque *make_opaque(void);

int use(void)
{
  struct opaque local; /* ERROR */
  return 0;
}
