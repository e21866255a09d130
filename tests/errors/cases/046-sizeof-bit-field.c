struct flags {
  unsigned ready : 1;
  unsigned error : 1;
};

unsigned long flag_bytes(struct flags f)
{
  return sizeof f.ready; /* ERROR */
}
