struct pt { int x, y; };

static struct pt origin = {
  .x = 0,
  [1] = 0, /* ERROR */
};
