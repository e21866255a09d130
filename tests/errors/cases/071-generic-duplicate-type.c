typedef int myint;

int which(int v)
{
  return _Generic(v, int: 1, myint: 2, default: 0); /* ERROR */
}
