// Which symbol a relocation names when its expression goes through an equate (`.set a, b`), checked
// against GNU as 2.40. The rule found by experiment (write.c, resolve_symbol_value and
// symbol_equated_reloc_p): an equate of a defined label (`.set memcpy, __memcpy`, SYM_FUNC_ALIAS) is a
// symbol of its own at the label's address, so relocations name the equate, also through `- .` and
// `+ k`; an equate of an undefined (or common) `sym + k` is replaced by `sym` in relocations and is left
// out of the symbol table, even when it is global.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cleanup, compareAsm, requireTool } from './compare';

requireTool('as');
requireTool('readelf');

const same = (name: string, src: string) =>
  test(name, () => {
    for (const arch of ['x86_64', 'i386'] as const) {
      const r = compareAsm(src, arch);
      assert.ok(r.same, `${arch}: ${r.diff}`);
    }
  });

same('a weak alias of a global function named by `alias - .` (SYM_FUNC_ALIAS + EXPORT_SYMBOL)', `
  .text
  .globl __memcpy
__memcpy: ret
  .weak memcpy ; .set memcpy, __memcpy
  .section "___ksymtab+memcpy","a"
  .long memcpy - .
  .long memcpy
  .long memcpy + 4 - .
`);

same('equates of local, global and weak labels, with offsets and chains', `
  .text
  .globl g, a, c, d
g: ret
l: ret
  .set la, g
  .set lb, l+1
  .globl ga
  .set ga, l
  .weak wa
  .set wa, g+2
  .set a, b
  .set c, a
  .set d, c+1
  .set fwd, later
b: ret
  call la
  call ga
  call wa
  call c
  call d
  call fwd
  jmp ga
  jmp wa
  jmp fwd
  .long c - .
  .long d - .
  .section foo,"a"
  .long la - ., la, lb - ., lb, ga - ., ga, wa - ., wa + 1 - ., wa
  .long a - ., c - ., d - ., fwd - ., fwd
  .long a - b, d - c
  .text
later: nop
`);

same('equates of undefined symbols: relocations name the target, the equate is not written', `
  .set ua, undef
  .set ua2, undef2 + 3
  .globl gu
  .set gu, undef3
  .weak wu
  .set wu, undef4
  .set unused, undef5
  .text
  call ua
  call gu
  jmp wu
  .section foo,"a"
  .long ua - ., ua2 - ., ua2, gu, wu - .
`);

test.after(cleanup);
test.run();
