__attribute__((deprecated)) int old_api(void);

int use(void)
{
  return old_api(); /* WARNING */
}
