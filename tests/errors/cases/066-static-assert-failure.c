struct header {
  unsigned magic;
  unsigned short version;
  unsigned short flags;
};

_Static_assert(sizeof(struct header) == 6, "header must be 6 bytes"); /* ERROR */
