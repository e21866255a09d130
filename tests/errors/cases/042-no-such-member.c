struct file {
  int fd;
  unsigned flags;
};

int is_open(struct file *f)
{
  return f->fd >= 0 && f->mode != 0; /* ERROR */
}
