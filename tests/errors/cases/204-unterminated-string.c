#include <stddef.h>

const char *greeting(void)
{
  const char *s = "hello, world; /* ERROR */
  return s;
}
