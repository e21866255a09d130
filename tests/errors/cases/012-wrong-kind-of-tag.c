struct buffer {
  char *data;
  unsigned len;
};

void clear(union buffer *b); /* ERROR */
