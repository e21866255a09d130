struct status { unsigned ok : 1; unsigned code : 7; };

unsigned *code_ptr(struct status *s)
{
  s->ok = 1;
  return &s->code; /* ERROR */
}
