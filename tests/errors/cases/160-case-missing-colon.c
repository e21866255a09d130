int weight(int k)
{
  switch (k) {
  case 1:
    return 10;
  case 2
    return 20; /* ERROR */
  }
  return 0;
}
