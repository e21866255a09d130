static const int lut[4] = {
  0, 1,
  4 9, /* ERROR */
};
