static int counter __attribute__((section(".data.counters")));

int bump(void)
{
  int local __attribute__((section(".data.local"))) = 1; /* ERROR */
  return counter += local;
}
