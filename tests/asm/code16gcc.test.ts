// .code16gcc (the Linux kernel's arch/x86/boot and realmode code): 16-bit code in which the stack
// instructions without a suffix or a sizing register (call, ret, push, pop, pushf, popf, enter, leave,
// pusha, popa, lret, lcall $sel,$off) use 32-bit operands, as gcc -m16 expects; iret and ljmp stay
// 16-bit. Also the explicit 32-bit spellings in .code16 (calll, enterl, lcalll) and 16-bit ones in
// .code32 (callw, enterw). Compared with GNU as.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { requireTool, cleanup, sameAsGnu } from './compare';

requireTool('as');

const same = sameAsGnu(test, 'i386');

same('.code16gcc stack instructions', `  .code16gcc
  .text
f: call f
  calll f
  call *%eax
  call *(%ebx)
  call *%ax
  ret
  retl
  ret $4
  push %eax
  push %ax
  pushl $1
  push $1
  push $0x1234
  push f
  pushw f
  pop %eax
  pop %ax
  popl %ebx
  pop f
  enter $8, $0
  leave
  pushf
  popf
  pushfw
  pusha
  popa
  lret
  lret $2
  iret
  iretl
  lcall $0x10, $f
  ljmp $0x10, $f
  lcall *(%bx)
  jmp f
  jmp *%eax
`);

same('.code16gcc segment pushes, string ops and ordinary instructions', `  .code16gcc
  .text
  push %ds
  pop %es
  push %fs
  pushw %fs
  popw %gs
  movsb
  movsw
  movsl
  stosl
  rep stosb
  lodsl
  cmpsb
  scasw
  insb
  outsl
  movl %eax, %ebx
  movw %ax, %bx
  movl (%ebx), %eax
  movl 4(%esp), %eax
  leal 4(%esp), %eax
  int $0x10
  lgdtl (%eax)
  outb %al, $0x80
  loop 1f
  jecxz 1f
  jcxz 1f
1: ret
`);

same('explicit operand sizes of near and far calls in .code16 and .code32', `  .code16
  .text
f: calll f
  callw f
  call f
  enterl $4, $1
  leavel
  lcalll $8, $f
  lcallw $8, $f
  ljmpl $8, $f
  .code32
g: callw g
  calll g
  call g
  enterw $4, $0
  leavew
  lcallw $8, $g
  ljmpw $8, $g
  lcall $8, $g
  .code64
h: callq h
  call h
`);

test.after(cleanup);
test.run();
