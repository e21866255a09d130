int helper(int x);

int api(int x) { return helper(x) + 1; }

static int helper(int x) /* ERROR */
{
  return x * 3;
}
