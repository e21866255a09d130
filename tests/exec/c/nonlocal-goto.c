/* Non-local goto from nested functions (through qsort's callback and through recursion), and the
   address of an enclosing function's label. Exit status 0 = all right. */
#include <stdlib.h>

static int depth(int a) {
  __label__ out;
  void down(int k) { if (k == 0) goto out; down(k - 1); }
  down(a);
  return -1;
out:
  return a;
}

static int via_qsort(void) {
  __label__ done;
  int calls = 0;
  int cmp(const void *x, const void *y) { calls++; goto done; }
  char arr[4] = {3, 1, 2, 0};
  qsort(arr, 4, 1, cmp);
  return -1;
done:
  return calls;
}

static int pick(int n) {
  __label__ l1, l2;
  void *which(int k) { return k == 1 ? &&l1 : &&l2; }
  goto *which(n);
l1:
  return 10;
l2:
  return 20;
}

int main(void) {
  if (depth(100) != 100) return 1;
  if (via_qsort() != 1) return 2;
  if (pick(1) != 10 || pick(2) != 20) return 3;
  return 0;
}
