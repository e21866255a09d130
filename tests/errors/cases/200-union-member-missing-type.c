union value {
  int i;
  double d;
  *ptr; /* ERROR */
};
