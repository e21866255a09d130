struct entry { int key; int value; };

int entry_key(struct entry e)
{
  int k = e.key;
  return k + e->value; /* ERROR */
}
