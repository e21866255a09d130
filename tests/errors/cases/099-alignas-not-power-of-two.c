struct cache_line {
  _Alignas(48) unsigned char bytes[48]; /* ERROR */
};
