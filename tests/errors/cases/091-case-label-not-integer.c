int bucket(int v)
{
  switch (v) {
  case 0: return 0;
  case 2.5: return 1; /* ERROR */
  }
  return 2;
}
