static int cleanup_count;

void scope(void)
{
  int x __attribute__((cleanup(cleanup_count))) = 0; /* ERROR */
  (void)x;
}
