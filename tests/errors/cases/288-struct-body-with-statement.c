struct counter {
  int value;
  value++; /* ERROR */
};
