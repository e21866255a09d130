struct opt { int present; int value; };

int get_or(struct opt o, int dflt)
{
  if (o) /* ERROR */
    return o.value;
  return dflt;
}
