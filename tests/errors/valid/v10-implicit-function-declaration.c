int main(void)
{
  return helper_defined_elsewhere(3); /* WARNING */
}
