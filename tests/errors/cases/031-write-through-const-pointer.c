#include <stddef.h>

void fill(const char *buf, size_t n, char c)
{
  for (size_t i = 0; i < n; i++)
    buf[i] = c; /* ERROR */
}
