struct ops {
  int (*open)(const char *);
  int close(int); /* ERROR */
};
