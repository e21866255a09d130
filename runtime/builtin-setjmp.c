/* builtin-setjmp.c: gcc's __builtin_setjmp / __builtin_longjmp on x86-64.
 *
 * The buffer is gcc's: five words, of which this uses three: [0] the caller's frame pointer,
 * [1] the address __builtin_setjmp returns to, [2] the caller's stack pointer after that return.
 * Nothing else is saved: the compiler treats the call as returns_twice and keeps no value in a
 * register across it, and every cc-ts function has an %rbp frame, so those three words resume the
 * caller exactly.  __builtin_longjmp makes that call return 1.
 */

int __cc_ts_builtin_setjmp(void **buf) {
  void **fp = __builtin_frame_address(0);
  buf[0] = fp[0];                /* the caller's %rbp, saved by our prologue */
  buf[1] = fp[1];                /* our return address */
  buf[2] = (void *)(fp + 2);     /* %rsp once we have returned */
  return 0;
}

__attribute__((noreturn)) void __cc_ts_builtin_longjmp(void **buf) {
  void *fp = buf[0], *pc = buf[1], *sp = buf[2];
  __asm__ volatile("movq %0, %%rbp\n\tmovq %2, %%rsp\n\tmovl $1, %%eax\n\tjmp *%1" : : "c"(fp), "d"(pc), "S"(sp) : "memory");
  __builtin_unreachable();
}
