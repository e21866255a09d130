// Idioms of the Linux kernel's x86 assembly that GNU as accepts (found by tests/corpus/linux-asm.ts):
// each snippet is assembled by GNU as and by cc-ts and the listings must agree.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ccAs, gnuAs, requireTool, sameAsGnu } from './compare';

requireTool('as');
requireTool('objdump');

const same = sameAsGnu(test);

same('.type without a comma (SYM_FUNC_END)', `
  .text
  .globl foo
  .type foo STT_FUNC
foo: ret
  .type bar @function
bar: ret
`);

same('a one-byte 0x90 fill in code is nop padding', `
  .text
  nop
  .p2align 4, 0x90
  ret
  .balign 8, 0x90
  ret
`);

same('a quoted macro argument loses its quotes (ALTERNATIVE)', `
  .macro ALT insn
  \\insn
  .endm
  .text
  ALT "nop"
  ALT "movl $1, %eax"
  .macro STR s
  .ascii "\\s"
  .endm
  .data
  STR "two words"
`);

same('macro arguments holding no statement or several (ALTERNATIVE "", "xchg ...; nop")', `
  .macro M a, b
  \\a
  \\b
  .endm
  .text
  M "", "nop"
  M "xchg %rax, %rbx; nop", "ret"
`);

same('a macro parameter default with blanks inside parentheses', `
  .macro F reg:req ftr2=((( 3*32+21)) | (1 << 15))
  .long \\ftr2
  .long \\reg
  .endm
  .data
  F 5
  F 6, 7
`);

same('registers compared in expressions (UNWIND_HINT_REGS: .if \\base == %rsp)', `
  .macro HINT base=%rsp
  .if \\base == %rsp
  .byte 1
  .elseif \\base == %rbp
  .byte 2
  .else
  .byte 3
  .endif
  .endm
  .data
  HINT
  HINT base=%rbp
  HINT base=%r10
  .byte %rax == %rax, %rax != %rbx, %rax == 5, %eax == %rax, %st == %st(0)
  .set r, %rdi
  .byte r == %rdi
  .byte foo == foo, foo == bar, foo != bar
  .if foo+1 == foo+1
  .byte 4
  .endif
  .if %rax - %rax
  .byte 5
  .endif
`);

same('an absolute symbol is read when the expression is parsed (i = i + 1 after its use)', `
  .data
  i = 1
  .set x, i
  j = i + 10
  i = 2
  .long x, j
a: .long b - a + i
  i = 3
b: .long i
`);

same('a macro or directive name followed by "(" (STACK_FRAME_NON_STANDARD(func))', `
  .macro SFNS func:req
  .quad \\func
  .endm
  .data
  SFNS(foo)
  SFNS(foo + 8)
  .long(7)
  .byte(8),(9)
`);

same('lsl/lar with a source register of the destination size (LOAD_CPU_AND_NODE_SEG_LIMIT)', `
  .text
  lsl %rax, %rax
  lsl %eax, %eax
  lsl %ax, %rax
  lar %rax, %rax
  lar %r9d, %r10d
  lslq (%rax), %rax
  lsll %ax, %eax
`);

same('lsl/lar register forms in 32-bit mode', `
  .text
  lsl %eax, %eax
  lar %ax, %ecx
  lslw %ax, %bx
`, 'i386');

same('names equated to registers stand for them, and follow a later .set (arch/x86/crypto sha*)', `
  .text
  .set A, %ecx
  .set B, %rsi
  mov (B), A
  mov A, 4(B,B,2)
  add $1, A
  .set A, %edx
  mov (B), A
  push B
  jmp *B
  .set A, 5
  mov $A, %eax
`);

same('.extern is taken and ignored', `
  .extern foo
  .text
  call foo
`);

same('a 64-bit constant is its two\'s complement for imm32 forms (andq $0xfffffffffffff000, relocate_kernel_64)', `
  .text
  andq $0xfffffffffffff000, %rdi
  mov $0xffffffff80000000, %rax
  addq $0xffffffff80000000, %rax
  movl $0xffffffff, %eax
  pushq $0xffffffffffffffff
`);

same('BMI/BMI2/ADX with size suffixes, SHA, GFNI and SGX instructions', `
  .text
  rorxl $5, %eax, %ebx
  rorxq $5, %rax, %rbx
  shlxl %eax, %ebx, %ecx
  andnq %rax, %rbx, %rcx
  adcxq %rax, %rbx
  adoxl %eax, %ebx
  sha1rnds4 $3, %xmm1, %xmm2
  sha256rnds2 %xmm0, %xmm1, %xmm2
  sha256rnds2 %xmm1, %xmm2
  enclu
  vgf2p8affineinvqb $5, %ymm1, %ymm2, %ymm3
`);

same('macro arguments: blanks the scrubber drops, and .altmacro %expr (aesni, crc32c-pcl)', `
  .macro M4 a b c d
  .long \\a, \\b, \\c, \\d
  .endm
  .macro LABEL prefix n
\\prefix\\n\\():
  .endm
  .data
  M4 1, 8*3 +8, 8*3 + 16, 4
  M4 1 -1 2 3
  .text
  i = 0
  .rep 3
  .altmacro
  LABEL crc_ %i
  .noaltmacro
  nop
  i = i + 1
  .endr
`);

same('a section name stands for its section symbol (the vDSO extable)', `
  .text
foo: nop
  .pushsection __ex_table, "a"
  .long (foo) - __ex_table
  .popsection
  .data
  .quad .text, foo - .text
`);

test('a bad .if condition still opens its block (one error, as GNU as gives)', () => {
  const src = '  .data\n  .if %rax + 1\n  .byte 1\n  .else\n  .byte 2\n  .endif\n';
  const g = gnuAs(src, 'x86_64');
  const c = ccAs(src, 'x86_64');
  assert.ok(!g.obj && !c.obj);
  assert.equal(c.err, 'test.s:2: Error: non-constant expression in ".if" statement');
});

test.run();
