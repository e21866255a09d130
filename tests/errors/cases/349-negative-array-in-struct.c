struct buf {
  char data[-1]; /* ERROR */
};
