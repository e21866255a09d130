int route(int k)
{
  switch (k) {
  case 1:
    return 1;
  }
  return 0;
}

int broken(int k)
{
  return k ** 2 +; /* ERROR */
}
