struct point {
  int x;
  int y;
}

int distance(struct point a); /* ERROR */
