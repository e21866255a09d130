struct pt { int x, y; };

static struct pt p = {
  .x 1, /* ERROR */
  .y = 2,
};
