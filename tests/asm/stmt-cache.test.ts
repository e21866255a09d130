// The assembler reuses the encoding of an instruction text it has seen (Assembler.instCache): a mode
// change, a macro of the same name or an Intel syntax switch between two identical texts must still
// give what GNU as gives for each. Compared with GNU as.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { requireTool, cleanup, sameAsGnu } from './compare';

requireTool('as');

const same = sameAsGnu(test);

same('same text across .code32 / .code16 / .code64', `  .text
  incl %eax
  movl $5, %eax
  .code32
  incl %eax
  movl $5, %eax
  .code16
  incl %eax
  movl $5, %eax
  .code64
  incl %eax
  movl $5, %eax
`);

same('same text before and after a macro of that name', `  .text
  movl %eax, %ebx
  movl %eax, %ebx
  .macro movl a, b
  .byte 0x90
  .endm
  movl %eax, %ebx
  .purgem movl
  movl %eax, %ebx
`);

same('same text in AT&T and after .intel_syntax', `  .text
  push 8
  .intel_syntax noprefix
  push 8
  .att_syntax
  push 8
`);

same('a label before a repeated text', `  .text
  addl $1, %eax
x: addl $1, %eax
y: z: addl $1, %eax
  .long x, y, z
`);

test.after(cleanup);
test.run();
