struct packet {
  unsigned short len;
  unsigned char data[]; /* ERROR */
  unsigned char checksum;
};
