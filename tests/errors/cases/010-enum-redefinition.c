enum color { RED, GREEN, BLUE };

static const char *color_name(enum color c)
{
  return c == RED ? "red" : "other";
}

enum color { CYAN, MAGENTA }; /* ERROR */
