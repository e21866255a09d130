// .file N / .loc -> .debug_line (and the compilation unit GNU as adds), compared with GNU as.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ccAs, sameAsGnu } from './compare';

const same = sameAsGnu(test);

same('rows, columns, a .loc without instruction, data between', `
  .file 1 "a.c"
  .text
  .loc 1 5
  .byte 0x90
  .loc 1 6 3
  nop
  .loc 1 7 3 prologue_end
  .long 5
  ret
  .loc 1 7 9 epilogue_begin basic_block
  leave
  .loc 1 0
  ret
`);

same('line steps: special opcodes, const_add_pc, advance_pc, advance_line, backwards', `
  .file 1 "a.c"
  .text
  .loc 1 100
  nop
  .loc 1 108
  .skip 17, 0x90
  .loc 1 109
  nop
  .loc 1 90
  .skip 20, 0x90
  .loc 1 2000
  .skip 300, 0x90
  .loc 1 3
  .skip 17, 0x90
  ret
  .loc 1 4
  .skip 17
`);

same('relaxed branches between rows, alignment, end of sequence after padding', `
  .file 1 "a.c"
  .text
  .loc 1 1 1
f:
  jmp 2f
  .loc 1 2 1
  .skip 200, 0x90
2:
  .loc 1 3 1
  jne f
  .p2align 4
  .loc 1 4 1
  ret
  .p2align 5
`);

same('DWARF 5: .file 0 with a directory, files in other directories, discriminators, is_stmt, isa', `
  .file "t.c"
  .text
  .file 0 "/tmp/build" "t.c"
  .file 1 "t.c"
  .file 2 "/usr/include/stdio.h"
  .file 3 "sub/dir/x.h"
  .file 4 "/usr/include/stdlib.h"
  .loc 1 2 22
  nop
  .loc 2 10 1 discriminator 3
  nop
  .loc 3 11 1 is_stmt 0
  nop
  .loc 1 12 1 is_stmt 1 isa 2
  ret
`);

same('DWARF 5 without .file 0 (entry 0 repeats entry 1), md5 column', `
  .file 0 "/tmp/b" "t.c" md5 0x00112233445566778899aabbccddeeff
  .file 1 "t.c" md5 0x00112233445566778899aabbccddeeff
  .text
  .loc 1 3
  ret
`);

same('views: named, forced reset, asserted zero; values used in data', `
  .file 1 "a.c"
  .text
  .loc 1 3 33 view -0
  .loc 1 4 3 view .LVU1
  .loc 1 5 3 view .LVU2
  nop
  .loc 1 6 3 view .LVU3
  jmp 1f
  .loc 1 7 3 view -0
1:
  nop
  .loc 1 8 3 view 0
  ret
  .section .rodata
  .uleb128 .LVU1
  .uleb128 .LVU2
  .uleb128 .LVU3
`);

same('several code sections and subsections: one sequence each, range list (DWARF 3)', `
  .file 1 "a.c"
  .text
  .loc 1 1
  nop
  .text 1
  .loc 1 3
  nop
  .text 0
  .loc 1 2
  nop
  .section .text.other,"ax",@progbits
  .loc 1 10
  ret
  .data
  .long 1
`);

same('several code sections with DWARF 5 (rnglists)', `
  .file 0 "/x" "a.c"
  .file 1 "a.c"
  .text
  .loc 1 1
  nop
  .section .text.b,"ax",@progbits
  .loc 1 10
  ret
`);

same('functions with sizes become subprograms (global and local)', `
  .file 1 "a.c"
  .text
  .globl f
  .type f, @function
f:
  .loc 1 1
  ret
  .size f, .-f
  .type g, @function
g:
  .loc 1 2
  nop
  ret
  .size g, .-g
  .type h, @function
h:
  ret
`);

same('only global functions with DWARF 5 (flag_present)', `
  .file 0 "/x" "a.c"
  .globl f
  .type f, @function
f:
  .loc 0 1
  ret
  .size f, .-f
`);

same('a source with its own .debug_info but no .loc: a header-only .debug_line', `
  .file 1 "a.c"
  .text
  nop
  .section .debug_info,"",@progbits
  .long 0
`);

same('.loc_mark_labels', `
  .file 1 "a.c"
  .loc_mark_labels 1
  .text
  .loc 1 1
  nop
L1:
  nop
L2:
  .loc 1 2
  ret
`);

same('i386', `
  .file 1 "a.c"
  .text
  .loc 1 1
  nop
  .loc 1 5
  call f
  ret
`, 'i386');

same('no .loc: no line table', `
  .file 1 "a.c"
  .text
  ret
`);

test('errors as GNU as words them', () => {
  const r = ccAs(`.file 1 "a.c"\n.loc 2 1\n.loc 1 1 bogus\n.file 0 "x"\n.loc 1 1 is_stmt 2\n`, 'x86_64');
  assert.is(r.obj, null);
  assert.match(r.err, 'unassigned file number 2');
  assert.match(r.err, "unknown .loc sub-directive `bogus'");
  assert.match(r.err, 'is_stmt value not 0 or 1');
  const v = ccAs(`.file 1 "a.c"\n.loc 1 1 view .LVU1\n.loc 1 2 view 0\nnop\n`, 'x86_64');
  assert.is(v.obj, null);
  assert.match(v.err, 'view number mismatch');
});

test.run();
