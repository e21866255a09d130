// Idioms of the Linux kernel's x86 assembly that GNU as accepts (found by tests/corpus/linux-asm.ts):
// each snippet is assembled by GNU as and by cc-ts and the listings must agree.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compareAsm, requireTool } from './compare';

requireTool('as');
requireTool('objdump');

const same = (name: string, src: string) =>
  test(name, () => {
    const r = compareAsm(src);
    assert.ok(r.same, r.diff);
  });

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

test.run();
