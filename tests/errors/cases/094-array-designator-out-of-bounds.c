static const char *names[4] = {
  [0] = "zero",
  [3] = "three",
  [4] = "four", /* ERROR */
};
