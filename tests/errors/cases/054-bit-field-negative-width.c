struct reg {
  unsigned enable : 1;
  unsigned mode : -2; /* ERROR */
  unsigned rest : 29;
};
