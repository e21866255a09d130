#define MAX(a, b) ((a) > (b) ? (a) : (b))

int biggest(int x, int y, int z)
{
  return MAX(x, y, z); /* ERROR */
}
