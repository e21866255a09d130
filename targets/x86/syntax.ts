// AT&T operand syntax: parse one instruction's text into an Instruction, and print an Instruction as
// GNU as text that assembles back to the same bytes.
//
// Operands:  %reg  %st(1)  $expr  expr  expr(%base,%index,scale)  %seg:mem  *%reg  *mem
// For ljmp/lcall, `$sel,$off` becomes one far-pointer operand. Expressions are parsed by a callback
// (the assembler's expression parser); defaultParseExpr handles numbers, symbols, + and -, and @SPEC.

import { X86Error } from './error';
import {
  Instruction, Operand, OpKind, MemOp, Value, SymExpr, RelocSpec, RELOC_SPECS, isConst, reg, imm, mem, far,
  PFX_LOCK, PFX_REP, PFX_REPNE, PFX_DATA16, PFX_DATA32, PFX_ADDR16, PFX_ADDR32, PFX_NOTRACK, PFX_VEX3, PFX_REX,
} from './operand';
import { regByName, REGS, RegClass } from './regs';

export type ParseExpr = (text: string) => Value;

const PREFIX_WORDS: Record<string, number> = {
  lock: PFX_LOCK, rep: PFX_REP, repe: PFX_REP, repz: PFX_REP, repne: PFX_REPNE, repnz: PFX_REPNE,
  data16: PFX_DATA16, data32: PFX_DATA32, addr16: PFX_ADDR16, addr32: PFX_ADDR32, notrack: PFX_NOTRACK,
  '{vex3}': PFX_VEX3, '{rex}': PFX_REX,
};

/** Parse "lock addl $1,(%rax)" or "movl %eax, -8(%rbp)". A lone prefix word is an instruction of its own. */
export function parseInstruction(text: string, parseExpr: ParseExpr = defaultParseExpr): Instruction {
  let s = text.trim();
  let prefixes = 0;
  for (;;) {
    const m = /^(\{?[A-Za-z_.][\w.]*\}?)\s*/.exec(s);
    if (!m) throw new X86Error(`junk \`${s}' where an instruction was expected`);
    const w = m[1].toLowerCase();
    const rest = s.slice(m[0].length);
    if (PREFIX_WORDS[w] !== undefined && rest.length && /^[{A-Za-z]/.test(rest)) {
      prefixes |= PREFIX_WORDS[w];
      s = rest;
      continue;
    }
    const operands = parseOperands(m[1], rest, parseExpr);
    return { mnemonic: m[1].toLowerCase(), operands, prefixes };
  }
}

/**
 * The same for a statement already split into its head word and operand text (the assembler's case):
 * a head word that is a plain mnemonic skips the prefix scan and the re-joining of the text.
 */
export function parseSplitInstruction(head: string, operands: string, parseExpr: ParseExpr = defaultParseExpr): Instruction {
  if (!isPlainWord(head) || PREFIX_WORDS[head.toLowerCase()] !== undefined) {
    return parseInstruction(operands ? head + ' ' + operands : head, parseExpr);
  }
  return { mnemonic: head.toLowerCase(), operands: parseOperands(head, operands, parseExpr), prefixes: 0 };
}

/** [A-Za-z_.][A-Za-z0-9_.]* */
function isPlainWord(w: string): boolean {
  if (!w.length) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i) | 0x20;
    if ((c >= 97 && c <= 122) || w.charCodeAt(i) === 95 || c === 46 || (i > 0 && c >= 48 && c <= 57)) continue;
    return false;
  }
  return true;
}

/** Split at top-level commas (not inside parentheses). */
function splitOperands(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) depth--;
    else if (c === 44 && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last.length || out.length) out.push(last);
  return out;
}

/** Parse the operand text of one instruction (everything after the mnemonic). */
export function parseOperands(mnemonic: string, text: string, parseExpr: ParseExpr = defaultParseExpr): Operand[] {
  const parts = splitOperands(text);
  const ops: Operand[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) ops[i] = parseOperand(parts[i], parseExpr);
  if (ops.length === 2 && ops[0].kind === OpKind.Imm && ops[1].kind === OpKind.Imm && /^(l?jmp|l?call)[wlq]?$/.test(mnemonic.toLowerCase())) {
    return [far(ops[0].value, ops[1].value)];
  }
  return ops;
}

function parseReg(text: string): number {
  const r = regByName(text);
  if (r < 0) throw new X86Error(`bad register name \`%${text}'`);
  return r;
}

export function parseOperand(text: string, parseExpr: ParseExpr = defaultParseExpr): Operand {
  let s = text.trim();
  if (!s) throw new X86Error(`missing operand`);
  let star = false;
  if (s.charCodeAt(0) === 42 /* * */) {
    star = true;
    s = s.slice(1).trim();
  }
  if (s.charCodeAt(0) === 36 /* $ */) {
    if (star) throw new X86Error(`immediate operand illegal with absolute jump`);
    return imm(parseExpr(s.slice(1).trim()));
  }
  let seg = -1;
  if (s.charCodeAt(0) === 37 /* % */) {
    const segEnd = segmentPrefixEnd(s);
    if (segEnd > 0) {
      const name = s.slice(1, 3);
      seg = parseReg(name);
      if (REGS[seg].cls !== RegClass.Seg) throw new X86Error(`\`%${name}' is not a valid segment register`);
      s = s.slice(segEnd);
    } else {
      const name = s.slice(1);
      return reg(parseReg(/\s/.test(name) ? name.replace(/\s+/g, '') : name), star);
    }
  }
  return parseMemory(s, seg, star, parseExpr);
}

/** `%Xs:` with blanks allowed before and after the colon: the offset after it, or -1. */
function segmentPrefixEnd(s: string): number {
  const a = s.charCodeAt(1) | 0x20;
  if (a < 97 || a > 122 || (s.charCodeAt(2) | 0x20) !== 115 /* s */) return -1;
  let i = 3;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) !== 58 /* : */) return -1;
  i++;
  while (i < s.length && isBlank(s.charCodeAt(i))) i++;
  return i;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 11 || c === 12 || c === 13;
}

// disp(base,index,scale); the parenthesised part must start with '%' or ','.
function parseMemory(s: string, seg: number, star: boolean, parseExpr: ParseExpr): MemOp {
  let dispText = s;
  let base = -1;
  let index = -1;
  let scale = 1;
  if (s.endsWith(')')) {
    let depth = 0;
    let open = -1;
    for (let i = s.length - 1; i >= 0; i--) {
      if (s[i] === ')') depth++;
      else if (s[i] === '(' && --depth === 0) { open = i; break; }
    }
    const inner = open >= 0 ? s.slice(open + 1, -1).trim() : '';
    if (open >= 0 && (inner[0] === '%' || inner[0] === ',')) {
      dispText = s.slice(0, open).trim();
      const parts = inner.split(',').map((x) => x.trim());
      if (parts[0]) base = parseReg(parts[0].slice(1));
      if (parts.length > 1 && parts[1]) {
        if (parts[1][0] !== '%') throw new X86Error(`bad index register \`${parts[1]}'`);
        index = parseReg(parts[1].slice(1));
      }
      if (parts.length > 2 && parts[2]) {
        scale = Number(parts[2]);
        if (scale !== 1 && scale !== 2 && scale !== 4 && scale !== 8) throw new X86Error(`expecting scale factor of 1, 2, 4, or 8: got \`${parts[2]}'`);
      }
      if (parts.length > 3) throw new X86Error(`bad memory operand \`${s}'`);
    }
  }
  const disp: Value = dispText ? parseExpr(dispText) : 0n;
  return mem(disp, base, index, scale, seg, star);
}

// ---------------------------------------------------------------------------------------------------
// Default expression parser (tests and simple callers): [sym][@SPEC] (+|- number)* | number

export function defaultParseExpr(text: string): Value {
  let s = text.replace(/\s+/g, '');
  let symName = '';
  let spec: RelocSpec = '';
  let addend = 0n;
  let sign = 1n;
  let i = 0;
  while (i < s.length) {
    if (s[i] === '+') { sign = 1n; i++; continue; }
    if (s[i] === '-') { sign = -sign; i++; continue; }
    const num = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)(?![0-9a-zA-Z_$.])/.exec(s.slice(i));
    if (num) {
      let t = num[1];
      let v: bigint;
      if (/^0[0-7]+$/.test(t)) v = BigInt('0o' + t.slice(1));
      else v = BigInt(t);
      addend += sign * v;
      sign = 1n;
      i += t.length;
      continue;
    }
    const id = /^([A-Za-z_.$][\w.$]*|[0-9]+[fb])(@([A-Za-z]+))?/.exec(s.slice(i));
    if (!id || symName || sign < 0n) throw new X86Error(`bad expression \`${text}'`);
    symName = id[1];
    if (id[3]) {
      const sp = id[3].toUpperCase();
      if (!RELOC_SPECS.has(sp)) throw new X86Error(`bad reloc specifier \`${id[3]}'`);
      spec = sp as RelocSpec;
    }
    i += id[0].length;
    const at = /^@([A-Za-z]+)/.exec(s.slice(i));
    if (at) { spec = at[1].toUpperCase() as RelocSpec; i += at[0].length; }
  }
  if (!symName && !spec) return addend;
  return { sym: symName, addend, spec };
}

// ---------------------------------------------------------------------------------------------------
// Printer

const PREFIX_NAMES: [number, string][] = [
  [PFX_LOCK, 'lock'], [PFX_REP, 'rep'], [PFX_REPNE, 'repne'], [PFX_DATA16, 'data16'], [PFX_DATA32, 'data32'],
  [PFX_ADDR16, 'addr16'], [PFX_ADDR32, 'addr32'], [PFX_NOTRACK, 'notrack'], [PFX_VEX3, '{vex3}'], [PFX_REX, '{rex}'],
];

export function printValue(v: Value): string {
  if (isConst(v)) return v < 0n || v < 10n ? v.toString() : '0x' + v.toString(16);
  const e = v as SymExpr;
  let s = e.sym;
  if (e.spec) s += '@' + e.spec;
  if (e.addend > 0n) s += '+' + e.addend.toString();
  else if (e.addend < 0n) s += e.addend.toString();
  if (!e.sym) s = (e.addend.toString()) + (e.spec ? '@' + e.spec : '');
  return s;
}

export function printOperand(op: Operand): string {
  switch (op.kind) {
    case OpKind.Reg:
      return (op.star ? '*%' : '%') + REGS[op.reg].name;
    case OpKind.Imm:
      return '$' + printValue(op.value);
    case OpKind.Far:
      return '$' + printValue(op.sel) + ',$' + printValue(op.off);
    case OpKind.Mem: {
      let s = op.star ? '*' : '';
      if (op.seg >= 0) s += '%' + REGS[op.seg].name + ':';
      const hasRegs = op.base >= 0 || op.index >= 0;
      if (!hasRegs || !isConst(op.disp) || op.disp !== 0n) s += printValue(op.disp);
      if (hasRegs) {
        s += '(';
        if (op.base >= 0) s += '%' + REGS[op.base].name;
        if (op.index >= 0) s += ',%' + REGS[op.index].name + (op.scale !== 1 ? ',' + op.scale : '');
        s += ')';
      }
      return s;
    }
  }
}

/** GNU AT&T text for an instruction (mnemonic as stored, operands in AT&T order). */
export function printInstruction(inst: Instruction): string {
  let s = '';
  for (const [bit, name] of PREFIX_NAMES) if (inst.prefixes & bit) s += name + ' ';
  s += inst.mnemonic;
  if (inst.operands.length) s += ' ' + inst.operands.map(printOperand).join(',');
  return s;
}
