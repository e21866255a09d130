int halve(int n)
{
  int steps = 0;
  do {
    n /= 2;
    steps++;
  } while (n > 1) /* ERROR */
  return steps;
}
