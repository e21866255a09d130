// AT&T parsing and printing: print -> parse -> encode gives the same bytes for the whole table corpus,
// and the operand forms the assembler and the compiler rely on parse to the expected operands.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildCorpus, hex } from './corpus';
import { encode, Encoded } from '../../targets/x86/encode';
import { parseInstruction, printInstruction, printOperand, parseOperand } from '../../targets/x86/syntax';
import { OpKind, PFX_LOCK, PFX_REP } from '../../targets/x86/operand';
import { regByName } from '../../targets/x86/regs';

const fx = (e: Encoded) => JSON.stringify(e.fixups, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));

test('print -> parse -> encode round trip over the table corpus', () => {
  const cases = buildCorpus();
  let ok = 0;
  const bad: string[] = [];
  for (const c of cases) {
    const text = printInstruction(c.inst);
    const a = encode(c.inst, c.mode);
    let b: Encoded;
    try {
      b = encode(parseInstruction(text), c.mode);
    } catch (e) {
      bad.push(`${c.mode}|${text}|${(e as Error).message}`);
      continue;
    }
    if (hex(a.bytes) === hex(b.bytes) && fx(a) === fx(b)) ok++;
    else bad.push(`${c.mode}|${text}|${hex(a.bytes)} vs ${hex(b.bytes)}`);
  }
  console.log(`round trip: ${ok}/${cases.length} instructions`);
  if (bad.length) console.log(bad.slice(0, 20).join('\n'));
  assert.is(bad.length, 0);
});

test('operand syntax', () => {
  const m = parseOperand('-8(%rbp)');
  assert.ok(m.kind === OpKind.Mem && m.base === regByName('rbp') && m.disp === -8n);
  const g = parseOperand('sym@GOTPCREL(%rip)');
  assert.ok(g.kind === OpKind.Mem && typeof g.disp !== 'bigint' && g.disp.sym === 'sym' && g.disp.spec === 'GOTPCREL' && g.base === regByName('rip'));
  const f = parseOperand('%fs:0');
  assert.ok(f.kind === OpKind.Mem && f.seg === regByName('fs') && f.base < 0 && f.disp === 0n);
  const s = parseOperand('(%rax,%rbx,4)');
  assert.ok(s.kind === OpKind.Mem && s.index === regByName('rbx') && s.scale === 4);
  const st = parseOperand('*%rax');
  assert.ok(st.kind === OpKind.Reg && st.star);
  const sm = parseOperand('*8(%rax)');
  assert.ok(sm.kind === OpKind.Mem && sm.star && sm.disp === 8n);
  const i = parseOperand('$sym+4');
  assert.ok(i.kind === OpKind.Imm && typeof i.value !== 'bigint' && i.value.sym === 'sym' && i.value.addend === 4n);
  const lj = parseInstruction('ljmp $0x10,$1f');
  assert.is(lj.operands.length, 1);
  assert.is(lj.operands[0].kind, OpKind.Far);
  const lk = parseInstruction('lock addl $1,(%rax)');
  assert.is(lk.prefixes, PFX_LOCK);
  assert.is(parseInstruction('rep movsb').prefixes, PFX_REP);
  assert.is(parseInstruction('rep').mnemonic, 'rep');
  assert.is(printOperand(parseOperand('%st(3)')), '%st(3)');
  assert.is(printOperand(parseOperand('0x10(,%eax,2)')), '0x10(,%eax,2)');
  assert.is(printInstruction(parseInstruction('movl  %eax , -8(%rbp)')), 'movl %eax,-8(%rbp)');
});

test.run();
