struct buf { char data[16]; };

void copy_name(void)
{
  char a[16], b[16] = "name";
  a = b; /* ERROR */
  (void)a;
}
