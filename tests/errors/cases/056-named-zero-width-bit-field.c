struct layout {
  unsigned a : 3;
  unsigned pad : 0; /* ERROR */
  unsigned b : 5;
};
