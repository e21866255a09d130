int worker(int id)
{
  _Thread_local int scratch = 0; /* ERROR */
  scratch += id;
  return scratch;
}
