struct point { int x, y; };

int sum_points(const struct point *p, int n)
{
  int s = 0;
  for (int i = 0; i < n; i++) {
    int t = p[i].x + p[i].y;
    s += t;
  }
  return s + t; /* ERROR */
}
