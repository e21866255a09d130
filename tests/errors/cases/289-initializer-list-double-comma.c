static const char *words[] = {
  "alpha",
  "beta",,  /* ERROR */
  "gamma",
};
