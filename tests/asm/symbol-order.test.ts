// Symbol-table order and relocation symbols, the GNU as rules found by experiment (binutils 2.40):
// `.L` symbols kept by relocations (SHF_MERGE sections) take their place when an operand that starts
// with their name is parsed after they exist, when a 64-bit mov names them, when .set names them, or
// else at the end in relocation order; local commons go to .bss subsection 1; equates of labels are
// symbols of their own; @GOTPCREL and friends create _GLOBAL_OFFSET_TABLE_.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { requireTool, cleanup, sameAsGnu } from './compare';

requireTool('as');
requireTool('readelf');

const same = sameAsGnu(test);

const STR = '\t.section .rodata.str1.1,"aMS",@progbits,1\n';
const CST = '\t.section .rodata.cst16,"aM",@progbits,16\n';

same('.L in a merge section: defined, then named by an operand', `${STR}.LC0: .string "a"
.LC1: .string "b"
.LC2: .string "c"
  .text
f: leaq .LC1(%rip), %rdi
  .section .text.a,"ax",@progbits
g: leaq .LC0(%rip), %rdi
  jmp .LC2
  .text
  movl $.LC2+1, %eax
h: nop
`);

same('.L forward references: placed at the second mention or at the end', `  .text
f: leaq .LC3(%rip), %rdi
  movss .LC4(%rip), %xmm0
  movl $.LC5, %eax
  movss .LC5(%rip), %xmm1
  .data
  .quad .LC0+1
a1: .long 0
  .text
  leaq .LC3(%rip), %rdi
${STR}.LC0: .string "a"
.LC3: .string "c"
  .section .text.b,"ax",@progbits
h: nop
${CST}.LC4: .quad 1
.LC5: .quad 2
`);

same('.L named by a 64-bit mov before its definition', `  .text
q: movq .LC1(%rip), %rax
  movl .LC2(%rip), %eax
  movq %rbx, .LC3(%rip)
  .section .text.b,"ax",@progbits
  .type main.cold, @function
main.cold: nop
${CST}.LC1: .quad 1
.LC2: .quad 2
.LC3: .quad 3
`);

same('.set of a .L symbol in a merge section', `  .text
  movsd .LC0(%rip), %xmm2
  movapd .LC2(%rip), %xmm0
  movq .LC3(%rip), %rax
  movq .LC9(%rip), %rbx
${CST}.LC0: .quad 5
  .quad 6
.LC2: .quad 1
  .quad 2
  .set .LC3,.LC2+8
  .set .LC9,.LC0
  .section .text.c,"ax",@progbits
i: nop
`);

same('.local/.comm and .lcomm go to .bss subsection 1', `  .text
f: movq l.0(%rip), %rax
  movl j(%rip), %eax
  movl i(%rip), %eax
  movl k(%rip), %eax
  .local l.0
  .comm l.0,8,8
  .bss
  .align 4
i: .zero 4
  .local j
  .comm j,4,4
  .lcomm k,2
  .byte 0
`);

same('global equates are relocation symbols of their own', `  .text
  movl b(%rip), %eax
  movl %eax, b+4(%rip)
  leaq c(%rip), %rax
  call d
  .local a
  .comm a,8,4
  .globl b
  .set b,a
  .data
e: .long 1
  .globl c
  c = e + 2
  .text
  .weak d
  .set d, f
f: ret
`);

same('@GOTPCREL, @TPOFF, @TLSGD create _GLOBAL_OFFSET_TABLE_; @PLT does not', `  .text
  call exit@PLT
  movq exit@GOTPCREL(%rip), %rax
  movq %fs:t@TPOFF, %rax
`);

same('i386: @GOTOFF creates _GLOBAL_OFFSET_TABLE_', `  .text
  leal x@GOTOFF(%ebx), %eax
  call y@PLT
`, 'i386');

same('i386: @GOTOFF adjusts in displacements only, @PLT to a local symbol, GOTPC addend', `  .text
f: nop
.L2: nop
  call 1f
1: popl %ebx
  addl $_GLOBAL_OFFSET_TABLE_, %ebx
  addl $_GLOBAL_OFFSET_TABLE_, %eax
  leal .L2@GOTOFF(%ebx), %eax
  leal h@GOTOFF(%ebx), %eax
  movl $h@GOTOFF, %eax
  leal .LC0@GOTOFF(%ebx), %eax
  call f@PLT
  call g@PLT
  call .LC0
  .data
  .long .L2@GOTOFF
h: .long 0
  .long h@GOTOFF
${CST}.LC0: .long 1
  .section .text.b,"ax",@progbits
g: ret
`, 'i386');

same('x86-64: @PLT to a local symbol, @GOTOFF keeps its symbol', `  .text
f: nop
  call f@PLT
  call g@PLT
  movabsq $h@GOTOFF, %rax
  .section .text.b,"ax",@progbits
g: ret
  .data
  .long 0
h: .long 0
`);

same('references into a comdat section from another section', `  .text
  call __x86.get_pc_thunk.ax
  .cfi_startproc
  ret
  .cfi_endproc
  .section .text.__x86.get_pc_thunk.ax,"axG",@progbits,__x86.get_pc_thunk.ax,comdat
  .globl __x86.get_pc_thunk.ax
  .hidden __x86.get_pc_thunk.ax
  .type __x86.get_pc_thunk.ax, @function
__x86.get_pc_thunk.ax:
  .cfi_startproc
  movl (%esp), %eax
  ret
  .cfi_endproc
`, 'i386');

same('mergeable sections are padded to whole entries', `  .section .rodata.cst16,"aM",@progbits,16
  .long 1
  .section .rodata.cst4,"aM",@progbits,4
  .byte 1
  .section .rodata.str2.2,"aMS",@progbits,2
  .byte 1
`);

test.after(cleanup);
test.run();
