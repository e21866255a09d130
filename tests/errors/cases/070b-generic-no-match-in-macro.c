#define kind(x) _Generic((x), int: 1, long: 2, double: 3) /* ERROR */

int describe(void)
{
  float f = 1.0f;
  int a = kind(1);
  return a + kind(f);
}
