struct span {
  int start
  int end; /* ERROR */
};
