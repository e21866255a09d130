int answer(void)
{
  return 42;
}

/* TODO: cache the answer // ERROR
int cached(void)
{
  return answer();
}
