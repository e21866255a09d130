int run(int x)
{
  if (x)
    goto end;
  x++;
  return x +; /* ERROR */
end:
  return 0;
}
