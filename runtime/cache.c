/* cache.c: __clear_cache(begin, end), which makes freshly written code visible to instruction
 * fetch (__builtin___clear_cache).
 *
 * x86 keeps instruction fetch coherent: nothing to do.  AArch64: clean each data cache line to
 * the point of unification, then invalidate each instruction cache line, with barriers between
 * (line sizes from CTR_EL0, which Linux lets user code read).  RISC-V: Linux's
 * riscv_flush_icache system call (number 259), since fence.i only covers the calling hart.
 */
#include "rt.h"

void __clear_cache(void *begin, void *end) {
#if defined(__aarch64__)
  uint64_t ctr, p;
  __asm__ volatile("mrs %0, ctr_el0" : "=r"(ctr));
  uint64_t dline = (uint64_t)4 << ((ctr >> 16) & 15), iline = (uint64_t)4 << (ctr & 15);
  for (p = (uint64_t)begin & ~(dline - 1); p < (uint64_t)end; p += dline)
    __asm__ volatile("dc cvau, %0" : : "r"(p) : "memory");
  __asm__ volatile("dsb ish" : : : "memory");
  for (p = (uint64_t)begin & ~(iline - 1); p < (uint64_t)end; p += iline)
    __asm__ volatile("ic ivau, %0" : : "r"(p) : "memory");
  __asm__ volatile("dsb ish\n\tisb" : : : "memory");
#elif defined(__riscv)
  register uintptr_t a0 __asm__("a0") = (uintptr_t)begin;
  register uintptr_t a1 __asm__("a1") = (uintptr_t)end;
  register uintptr_t a2 __asm__("a2") = 0;
  register uintptr_t a7 __asm__("a7") = 259;
  __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
#else
  (void)begin; (void)end;
#endif
}
