struct node {
  struct node *next;
  value; /* ERROR */
};
