struct settings {
  int depth;
  int retries = 3; /* ERROR */
};
