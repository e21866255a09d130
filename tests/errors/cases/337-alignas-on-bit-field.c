struct r {
  _Alignas(8) int mode : 3; /* ERROR */
};
