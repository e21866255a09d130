struct node { int v; };
union node *p; /* ERROR */
