int digit(int c)
{
  switch (c) {
  case '0' ... : /* ERROR */
    return 1;
  }
  return 0;
}
