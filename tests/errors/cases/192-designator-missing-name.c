struct pos { int row, col; };

static struct pos home = {
  .row = 1,
  . = 2, /* ERROR */
};
