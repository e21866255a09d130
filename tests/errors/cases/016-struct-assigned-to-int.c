struct pair { int first, second; };

struct pair make(int a, int b) { struct pair p = { a, b }; return p; }

int first_of(int a)
{
  int r;
  r = make(a, a + 1); /* ERROR */
  return r;
}
