struct list {
  struct list *next;
  int *;  /* ERROR */
};
