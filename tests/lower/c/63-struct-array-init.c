#include <stdio.h>
struct KV { const char *k; int v; };
struct KV kv[] = { { "one", 1 }, { "two", 2 }, { .v = 3, .k = "three" }, [5] = { "five", 5 } };
int main(void) {
  int n = sizeof kv / sizeof kv[0];
  for (int i = 0; i < n; i++) printf("%s=%d ", kv[i].k ? kv[i].k : "(null)", kv[i].v);
  printf("\n");
  struct KV local[3] = { [1] = { "mid", 9 } }; printf("%s %d %d\n", local[1].k, local[1].v, local[2].v);
  int arr[6] = { [1 ... 3] = 7, [5] = 1 }; for (int i = 0; i < 6; i++) printf("%d", arr[i]); printf("\n");
  return 0;
}
