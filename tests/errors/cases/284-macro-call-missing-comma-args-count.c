#define PAIR(a, b) a + b

int add(int x)
{
  int y = PAIR(x); /* ERROR */
  return y;
}
