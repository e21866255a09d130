const char *token_name(int t)
{
  switch (t) {
  case 1: return "plus";
  case 2: return "minus";
  case 3: return "times";
  case 1 + 1: return "dup"; /* ERROR */
  default: return "?";
  }
}
