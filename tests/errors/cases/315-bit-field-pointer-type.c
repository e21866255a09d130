struct flags {
  int ready : 1;
  char *name : 8; /* ERROR */
};
