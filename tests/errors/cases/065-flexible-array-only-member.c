struct list {
  int items[]; /* ERROR */
};
