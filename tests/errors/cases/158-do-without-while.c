int countdown(int n)
{
  do {
    n--;
  } ; /* ERROR */
  return n;
}
