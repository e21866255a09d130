static int helper(int x) { return x; }

int broken(int x
{ /* ERROR */
  return helper(x);
}
