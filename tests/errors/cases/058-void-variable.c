int run(int argc)
{
  void result; /* ERROR */
  return argc;
}
