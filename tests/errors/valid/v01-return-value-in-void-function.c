static int calls;

void note_call(void)
{
  calls++;
  return calls; /* WARNING */
}
