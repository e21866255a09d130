int id(int x)
{
  return x /* ERROR */
}
