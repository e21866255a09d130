struct packet {
  unsigned version : 4;
  unsigned length : 12;
  unsigned payload : 40; /* ERROR */
};
