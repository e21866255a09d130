/* max-cpu-seconds: 4
   Computed goto at -O2: every `goto *p` stores every live SSA value into the phi slots of EVERY
   possible target block (N targets x M values stores per dispatch; see `cc-ts -O2 -S`: run() is
   0x1886 bytes against gcc -O0's 0x296). Lua's lvm.c dispatches with computed goto
   (LUA_USE_JUMPTABLE), so luaV_execute becomes 3.3 MB of code (gcc: 15 KB) and Lua built by cc-ts -O2
   runs ~100-300x slower than gcc's (bench_fib.lua times out). This program: gcc -O0 1.25 s CPU,
   cc-ts -O0 ~0.9 s, cc-ts -O2 ~12 s. The output is right; the repro fails on the CPU-time limit. */
#include <stdio.h>
/* a tiny bytecode interpreter dispatching with computed goto, like Lua's lvm.c (LUA_USE_JUMPTABLE) */
enum { ADD, SUB, MUL, XOR, SHL, SHR, INC, DEC, JNZ, HALT };
static long run(const unsigned char *code, long n) {
  static const void *const disp[] = { &&L_ADD, &&L_SUB, &&L_MUL, &&L_XOR, &&L_SHL, &&L_SHR, &&L_INC, &&L_DEC, &&L_JNZ, &&L_HALT };
  long a = 1, b = 3, c = 5, d = 7, e = 11, f = 13, cnt = n;
  const unsigned char *pc = code;
#define NEXT goto *disp[*pc++]
  NEXT;
L_ADD: a += b + e; NEXT;
L_SUB: b -= c ^ f; NEXT;
L_MUL: c = c * 3 + d; NEXT;
L_XOR: d ^= a + e; NEXT;
L_SHL: e = (e << 1) ^ f; NEXT;
L_SHR: f = (f >> 1) + a; NEXT;
L_INC: a++; b++; NEXT;
L_DEC: cnt--; NEXT;
L_JNZ: if (cnt) pc = code; NEXT;
L_HALT: return a ^ b ^ c ^ d ^ e ^ f;
}
int main(void) {
  static const unsigned char prog[] = { ADD, SUB, MUL, XOR, SHL, SHR, INC, DEC, JNZ, HALT };
  printf("%ld\n", run(prog, 100000000));
  return 0;
}
