int sum(int n)
{
  int v[n] = { 1, 2, 3 }; /* ERROR */
  int s = 0;
  for (int i = 0; i < n; i++) s += v[i];
  return s;
}
