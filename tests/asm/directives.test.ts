// Directives, expressions, macros, conditionals, relaxation, local labels, sections and CFI: each
// snippet is assembled by GNU as and by cc-ts and the listings must agree.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { requireTool, cleanup, ccAs, sameAsGnu } from './compare';

requireTool('as');
requireTool('objdump');

const same = sameAsGnu(test);

same('data directives', `
  .data
a: .byte 1, 2, -1, 'a, 0x7f
  .short 0x1234, -2
  .word 7
  .long 0xdeadbeef, a
  .quad a+8, 0x123456789abcdef0
  .octa 0x0102030405060708090a0b0c0d0e0f10
  .ascii "ab\\n\\t\\x41\\101"
  .asciz "z"
  .string "s", "t"
  .float 1.5, -0.25
  .double 3.141592653589793
  .uleb128 300, 0
  .sleb128 -129, 63, 64
  .zero 3
  .skip 2, 0xaa
  .fill 3, 2, 0x1234
  .balign 8
  .p2align 4, 0x55
  .2byte 1
  .4byte 2
  .8byte 3
`);

same('expressions and precedence', `
  .data
  .long 1 + 2 * 3, (1 + 2) * 3, 7 / 2, -7 % 3, 1 << 4 + 1, 0x10 >> 2
  .long 3 | 4 & 6, 5 ^ 1, 1 == 1, 1 != 1, 2 < 3, 3 <= 2, 1 && 0, 0 || 2, ~0, !5, -(-3)
  .long 1 + 2 == 3, 6 ! 1
x = 5
y = x * 2 + 1
  .long y, x - 1
  .set z, y << 2
  .long z
`);

same('labels, local labels and sym-sym', `
  .text
start:
1: nop
   jmp 1b
   jmp 1f
   nop
1: ret
.Lend:
  .data
  .long .Lend - start, 1b - start
  .quad start
  .long start - .
`);

same('relaxation to a fixed point', `
  .text
f: jmp .Lfar
   je .Lfar
   .rept 130
   nop
   .endr
.Lfar: jne f
   jmp g
   call g
   call f
   ret
`);

same('macros, rept, irp, irpc and conditionals', `
  .macro store val, reg=%eax, rest:vararg
  movl $\\val, \\reg
  .ifnb \\rest
  .byte \\rest
  .endif
  .endm
  .macro cnt
  .byte \\@
  .endm
  .text
  store 1
  store 2, %ebx
  store 3, %ecx, 4, 5
  cnt
  cnt
  .irp r, %rax, %rbx
  pushq \\r\\()
  .endr
  .irpc c, 123
  .byte \\c
  .endr
  .if 1 + 1 == 2
  nop
  .elseif 1
  int3
  .else
  hlt
  .endif
  .ifdef nosuch
  hlt
  .endif
  .ifc a,a
  ret
  .endif
  .ifnc a,b
  ret
  .endif
`);

same('sections, subsections, push/pop, comdat, comm', `
  .text
  nop
  .section .rodata.cst4,"aM",@progbits,4
  .long 1
  .pushsection .data.x,"aw",@progbits
  .quad 0
  .popsection
  .long 2
  .previous
  ret
  .text 1
  int3
  .text 0
  hlt
  .section .text.f,"axG",@progbits,f,comdat
  .globl f
f: ret
  .section .bss
  .zero 16
  .comm c1, 8, 8
  .lcomm l1, 4
  .local lc
  .comm lc, 16, 16
  .section .note.GNU-stack,"",@progbits
`);

same('symbols: type, size, visibility, weak, set', `
  .text
  .globl f
  .type f, @function
  .hidden f
f: ret
  .size f, .-f
  .weak w
  .protected p
  .globl p
p: nop
  .set alias, f
  .globl alias
  .data
  .type obj, @object
obj: .long w
  .size obj, 4
  .ident "test ident"
`);

same('cfi', `
  .text
  .globl f
f:
  .cfi_startproc
  pushq %rbp
  .cfi_def_cfa_offset 16
  .cfi_offset %rbp, -16
  movq %rsp, %rbp
  .cfi_def_cfa_register %rbp
  .cfi_remember_state
  popq %rbp
  .cfi_def_cfa %rsp, 8
  ret
  .cfi_restore_state
  nop
  .cfi_endproc
g:
  .cfi_startproc
  .cfi_def_cfa_offset 16
  .cfi_adjust_cfa_offset 8
  .cfi_rel_offset %rbx, 0
  .cfi_restore %rbx
  ret
  .cfi_endproc
`);

same('i386 relocations and cfi', `
  .text
  .globl f
f:
  .cfi_startproc
  call g
  movl x, %eax
  movl $x+4, %eax
  jmp g
  ret
  .cfi_endproc
  .data
  .long x, f
`, 'i386');

test('errors: file:line: Error: and no object', () => {
  const r = ccAs('nop\n.byte 1\n  .bogus 3\nmovl %eax\n', 'x86_64', 'bad.s');
  assert.is(r.obj, null);
  assert.match(r.err, /^bad\.s:3: Error: unknown pseudo-op: `\.bogus'/m);
  assert.match(r.err, /^bad\.s:4: Error: /m);
});

test('line markers set the location', () => {
  const r = ccAs('# 10 "orig.S"\nnop\n.err\n', 'x86_64', 'x.s');
  assert.match(r.err, /^orig\.S:11: Error: \.err encountered/m);
});

test.after(() => cleanup());
test.run();
