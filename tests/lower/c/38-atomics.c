#include <stdio.h>
int g = 10; long lg = 5; _Bool flag;
int main(void) {
  printf("%d ", __sync_fetch_and_add(&g, 5)); printf("%d\n", g);
  printf("%d ", __sync_sub_and_fetch(&g, 3)); printf("%d\n", g);
  int ok = __sync_bool_compare_and_swap(&g, 12, 100); printf("%d %d\n", ok, g);
  int old = __sync_val_compare_and_swap(&g, 5, 7); printf("%d %d\n", old, g);
  printf("%d\n", __sync_lock_test_and_set(&g, 1)); __sync_lock_release(&g); printf("%d\n", g);
  __sync_synchronize();
  printf("%ld ", __atomic_fetch_or(&lg, 8, __ATOMIC_SEQ_CST)); printf("%ld\n", __atomic_load_n(&lg, __ATOMIC_ACQUIRE));
  __atomic_store_n(&lg, 77, __ATOMIC_RELEASE); printf("%ld\n", lg);
  long exp = 77; printf("%d ", __atomic_compare_exchange_n(&lg, &exp, 88, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)); printf("%ld\n", lg);
  exp = 1; ok = __atomic_compare_exchange_n(&lg, &exp, 99, 1, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED); printf("%d %ld\n", ok, exp);
  printf("%ld\n", __atomic_exchange_n(&lg, 3, __ATOMIC_ACQ_REL));
  ok = __atomic_test_and_set(&flag, __ATOMIC_SEQ_CST); old = __atomic_test_and_set(&flag, __ATOMIC_SEQ_CST); printf("%d %d\n", ok, old);
  __atomic_clear(&flag, __ATOMIC_SEQ_CST); printf("%d\n", flag);
  int v = 4, out; __atomic_store(&g, &v, __ATOMIC_SEQ_CST); __atomic_load(&g, &out, __ATOMIC_SEQ_CST); printf("%d\n", out);
  printf("%d\n", __atomic_add_fetch(&g, 10, __ATOMIC_RELAXED));
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
  return 0;
}
