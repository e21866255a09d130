#include <stdio.h>
#include <stddef.h>
struct S { char a; int b; double c; };
static const int k = 3;
size_t offs[] = { offsetof(struct S, a), offsetof(struct S, b), offsetof(struct S, c) };
int arr[10];
int *ends[] = { arr, arr + 10, &arr[5] - 2 };
double dd[] = { 1.0 / 4, (double)7 / 2, -0.5 * 3 };
float ff = 1 + 2.5f;
long long shifted = (1LL << 40) | 5;
int main(void) {
  printf("%d %d %d\n", (int)offs[0], (int)offs[1], (int)offs[2]);
  printf("%ld %ld\n", (long)(ends[1] - ends[0]), (long)(ends[2] - arr));
  printf("%f %f %f %f\n", dd[0], dd[1], dd[2], (double)ff);
  printf("%lld %d\n", shifted, k);
  return 0;
}
