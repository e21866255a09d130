int square(int n)
{
  return n * n;
}

int main(void)
{
  int total = 0;
  total += square(count); /* ERROR */
  return total;
}
