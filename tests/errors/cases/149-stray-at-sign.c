int mail(int user)
{
  int host = 3;
  return user @ host; /* ERROR */
}
