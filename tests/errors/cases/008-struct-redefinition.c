struct node {
  struct node *next;
  int value;
};

struct node { /* ERROR */
  int other;
};
