// Intel syntax (GNU as after `.intel_syntax noprefix`): one statement -> the same Instruction the AT&T
// parser (syntax.ts) builds for the equivalent AT&T text, so one encoder serves both.
//
// Operands:  rax  st(1)  5  offset sym  sym  [base + index*scale + disp]  disp[base]  [b][i*s]
//            fs:[...]  fs:0x28  dword ptr [...]  sel:off (far)  [rip + sym]
// The operand order is reversed (Intel: destination first), except for the rows the table marks as
// having the same order in both syntaxes (enter). A bare expression is an immediate when it is a
// constant (a number or an absolute symbol) and a memory operand when it names a symbol, unless it is
// written `offset expr`; for call/jmp/jcc it is the branch target, and a register or bracketed memory
// operand of call/jmp is indirect (AT&T '*').
//
// Mnemonics have no size suffix: the size comes from a register operand or from `X ptr`. When a
// memory operand carries `X ptr`, the AT&T spelling is found from the table: among the forms of the
// mnemonic whose memory operand has that size, the first suffixed spelling that matches
// (`add dword ptr [rax], 1` -> addl, `movzx eax, byte ptr [rax]` -> movzbl, `fild qword ptr` -> fildll,
// `cvtsi2sd xmm0, dword ptr` -> cvtsi2sdl); forms without suffixes keep the bare name (movaps with
// xmmword ptr). GNU as's Intel names that AT&T spells differently are mapped (retf -> lret, movsx with a
// 32-bit source -> movsxd, string instructions with operands -> movsb/stosl/...). x87: GNU as's AT&T
// mnemonics swap fsub/fsubr and fdiv/fdivr when the destination is %st(i); Intel text means the real
// instruction, so those names are swapped back (fsubp st(1), st = AT&T fsubrp).

import { X86Error } from './error';
import {
  Instruction, Operand, OpKind, MemOp, Value, isConst, reg, imm, mem, far,
  PFX_LOCK, PFX_REP, PFX_REPNE, PFX_DATA16, PFX_DATA32, PFX_ADDR16, PFX_ADDR32, PFX_NOTRACK, PFX_VEX3, PFX_REX,
} from './operand';
import { regByName, REGS, RegClass } from './regs';
import { BY_SPELLING, F_BRANCH, F_NOREV, Form } from './table';
import { matchForms, Mode } from './encode';
import type { ParseExpr } from './syntax';

const PREFIX_WORDS: Record<string, number> = {
  lock: PFX_LOCK, rep: PFX_REP, repe: PFX_REP, repz: PFX_REP, repne: PFX_REPNE, repnz: PFX_REPNE,
  data16: PFX_DATA16, data32: PFX_DATA32, addr16: PFX_ADDR16, addr32: PFX_ADDR32, notrack: PFX_NOTRACK,
  '{vex3}': PFX_VEX3, '{rex}': PFX_REX,
};

/** `X ptr` sizes in bits. */
const PTR_SIZES: Record<string, number> = {
  byte: 8, word: 16, dword: 32, fword: 48, qword: 64, mmword: 64, tbyte: 80, tword: 80, oword: 128,
  xmmword: 128, ymmword: 256, zmmword: 512,
};

/** Intel spellings GNU as accepts that the AT&T table spells differently. */
const RENAME: Record<string, string> = {
  retf: 'lret', retfw: 'lretw', retfd: 'lretl', retfq: 'lretq', iretd: 'iretl', iretw: 'iretw',
  pushfd: 'pushfl', popfd: 'popfl', pushad: 'pushal', popad: 'popal', pushaw: 'pushaw', popaw: 'popaw',
};

/** x87 mnemonics whose AT&T spelling names the reverse operation when the destination is %st(i). */
const X87_SWAP: Record<string, string> = {
  fsub: 'fsubr', fsubr: 'fsub', fdiv: 'fdivr', fdivr: 'fdiv', fsubp: 'fsubrp', fsubrp: 'fsubp', fdivp: 'fdivrp', fdivrp: 'fdivp',
};

const STRING_OPS = new Set(['movs', 'cmps', 'stos', 'lods', 'scas', 'ins', 'outs']);
const FAR_POINTER_LOADS = new Set(['lds', 'les', 'lfs', 'lgs', 'lss', 'ljmp', 'lcall']);
const SIZE_LETTER: Record<number, string> = { 8: 'b', 16: 'w', 32: 'l', 64: 'q' };

/** An operand as written: the AT&T-model operand, its `X ptr` size (0: none) and how it was written. */
interface IntelOp {
  op: Operand;
  size: number;
  /** A memory operand written with brackets, a segment or `X ptr` (indirect for call/jmp). */
  explicitMem: boolean;
}

/** Parse one Intel statement (head word and operand text, as the assembler splits it). */
export function parseIntelInstruction(head: string, operands: string, parseExpr: ParseExpr, mode: Mode, prefix = false): Instruction {
  let prefixes = 0;
  let name = head.toLowerCase();
  let rest = operands.trim();
  // Prefix words: `rep movsb`, `lock add dword ptr [rax], 1`.
  while (PREFIX_WORDS[name] !== undefined && /^[{A-Za-z]/.test(rest)) {
    prefixes |= PREFIX_WORDS[name];
    const m = /^(\{?[A-Za-z_.][\w.]*\}?)\s*/.exec(rest)!;
    name = m[1].toLowerCase();
    rest = rest.slice(m[0].length);
  }
  if (RENAME[name]) name = RENAME[name];
  // Intel spells the 32-bit operand size 'd' where AT&T writes 'l' (pushd, retd, lgdtd, sysretd).
  if (!BY_SPELLING.has(name) && name.endsWith('d') && BY_SPELLING.has(name.slice(0, -1) + 'l')) name = name.slice(0, -1) + 'l';
  const branch = isBranchName(name);
  const texts = splitTop(rest);
  let ops = texts.map((t) => parseIntelOperand(t, parseExpr, branch, prefix));
  // `jmp 0x10:0x1234`, `ljmp 0x10, 0x1234`: far direct.
  if ((name === 'jmp' || name === 'call') && ops.length === 1 && ops[0].op.kind === OpKind.Far) name = 'l' + name;
  if ((name === 'ljmp' || name === 'lcall') && ops.length === 2 && ops.every((o) => o.op.kind === OpKind.Imm)) {
    ops = [{ op: far((ops[0].op as { value: Value }).value, (ops[1].op as { value: Value }).value), size: 0, explicitMem: false }];
  }
  // `call fword ptr [eax]` is a far indirect call, and so is `dword ptr` in 16-bit code.
  if ((name === 'jmp' || name === 'call') && ops.length === 1 && (ops[0].size === 48 || (ops[0].size === 32 && mode === 16))) name = 'l' + name;
  if (branch || name === 'ljmp' || name === 'lcall') markIndirect(ops);
  if (STRING_OPS.has(name) && ops.length) return stringInstruction(name, ops, prefixes);
  if (name === 'movsx' && ops.length === 2 && isReg32(ops[1].op)) name = 'movsxd';
  if (name === 'movsx' && ops.length === 2 && ops[1].size === 32) name = 'movsxd';
  if (X87_SWAP[name] && x87Reversed(name, ops)) name = X87_SWAP[name];
  const list = BY_SPELLING.get(name);
  if (!(list && list.length && list[0].form.flags & F_NOREV)) ops = ops.reverse();
  const inst: Instruction = { mnemonic: name, operands: ops.map((o) => o.op), prefixes };
  inst.mnemonic = spelling(name, inst, ops, mode);
  return inst;
}

function isBranchName(n: string): boolean {
  return n === 'call' || n === 'jmp' || /^j[a-z]+$/.test(n) || /^loop/.test(n) || n === 'xbegin';
}

function isReg32(op: Operand): boolean {
  return op.kind === OpKind.Reg && REGS[op.reg].cls === RegClass.Gpr32;
}

/** call/jmp through a register or a memory operand written as memory: AT&T's '*'. */
function markIndirect(ops: IntelOp[]): void {
  for (const o of ops) {
    if (o.op.kind === OpKind.Reg) o.op.star = true;
    else if (o.op.kind === OpKind.Mem && o.explicitMem) o.op.star = true;
  }
}

/** x87 Intel forms that GNU as's AT&T spelling names with the reverse operation. */
function x87Reversed(name: string, ops: IntelOp[]): boolean {
  if (name.endsWith('p')) return true;
  if (ops.length !== 2) return false;
  const d = ops[0].op;
  return d.kind === OpKind.Reg && REGS[d.reg].cls === RegClass.St && REGS[d.reg].num !== 0;
}

/** `movs byte ptr [rdi], byte ptr [rsi]` and friends: the suffixed AT&T name without operands. */
function stringInstruction(name: string, ops: IntelOp[], prefixes: number): Instruction {
  let size = 0;
  for (const o of ops) {
    if (o.op.kind === OpKind.Reg) size = size || REGS[o.op.reg].size * 8;
    else if (o.op.kind === OpKind.Mem) {
      size = size || o.size;
      if (o.op.seg >= 0 && REGS[o.op.seg].num !== 0 && REGS[o.op.seg].num !== 3) {
        throw new X86Error(`segment override on \`${name}' is not supported`);
      }
    }
  }
  const letter = SIZE_LETTER[size];
  if (!letter) throw new X86Error(`ambiguous operand size for \`${name}'`);
  return { mnemonic: name + letter, operands: [], prefixes };
}

// ---------------------------------------------------------------------------------------------------
// The AT&T spelling

let explicitSpellings: Map<Form, string[]> | null = null;

/** form -> its spellings that carry the operand size (built once from BY_SPELLING). */
function spellingsOf(f: Form): string[] {
  if (!explicitSpellings) {
    explicitSpellings = new Map();
    for (const [n, list] of BY_SPELLING) {
      for (const e of list) {
        if (!e.explicit) continue;
        let l = explicitSpellings.get(e.form);
        if (!l) explicitSpellings.set(e.form, (l = []));
        l.push(n);
      }
    }
  }
  return explicitSpellings.get(f) ?? [];
}

/** The AT&T spelling for `name` with these operands (AT&T order): sized by `X ptr` when given. */
function spelling(name: string, inst: Instruction, ops: IntelOp[], mode: Mode): string {
  const at = ops.findIndex((o) => o.size && o.op.kind === OpKind.Mem);
  if (at < 0) return name;
  let size = ops[at].size;
  if (FAR_POINTER_LOADS.has(name)) size -= 16; // m16:16 is a dword, m16:32 an fword
  // Forms spelled with the name, and the x/y spellings AT&T needs for 128/256-bit memory (vcvtpd2psy).
  const forms: [Form, string][] = [];
  for (const n of [name, name + 'x', name + 'y']) for (const e of BY_SPELLING.get(n) ?? []) forms.push([e.form, n]);
  const tried = new Set<string>();
  for (const [form, bare] of forms) {
    if (form.ops.length !== ops.length) continue;
    const ty = form.ops[at];
    if (!(ty.mem || ty.moffs) || (ty.size && ty.size !== size)) continue;
    const names = form.suffixed && ty.size ? spellingsOf(form) : [bare];
    for (const n of names) {
      if (tried.has(n)) continue;
      tried.add(n);
      try {
        matchForms({ mnemonic: n, operands: inst.operands, prefixes: inst.prefixes }, mode);
        return n;
      } catch {
        // try the next spelling
      }
    }
  }
  throw new X86Error(`operand size mismatch for \`${name}'`);
}

// ---------------------------------------------------------------------------------------------------
// Operands

/** Split at commas outside brackets and parentheses. */
function splitTop(text: string): string[] {
  const out: string[] = [];
  if (!text.trim()) return out;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}

/** A register name (with '%' when `prefix`, optionally otherwise), or -1. */
function registerOf(text: string, prefix: boolean): number {
  let t = text.trim();
  if (t.startsWith('%')) t = t.slice(1);
  else if (prefix) return -1;
  if (!/^[A-Za-z][A-Za-z0-9]*(\s*\(\s*[0-7]\s*\))?$/.test(t)) return -1;
  return regByName(t.replace(/\s+/g, ''));
}

function parseIntelOperand(text: string, parseExpr: ParseExpr, branch: boolean, prefix: boolean): IntelOp {
  let s = text.trim();
  if (!s) throw new X86Error('missing operand');
  // gcc -masm=intel writes `call [QWORD PTR [rax+8]]`: brackets around a whole sized operand.
  while (s.startsWith('[') && s.endsWith(']') && closing(s, 0) === s.length - 1 && /^\[\s*[A-Za-z]+\s+ptr\b/i.test(s)) {
    s = s.slice(1, -1).trim();
  }
  let size = 0;
  const ptr = /^([A-Za-z]+)\s+ptr\b\s*/i.exec(s);
  if (ptr) {
    size = PTR_SIZES[ptr[1].toLowerCase()] ?? -1;
    if (size < 0) throw new X86Error(`bad size \`${ptr[1]}'`);
    s = s.slice(ptr[0].length);
  }
  const off = /^offset\b\s*(flat\s*:)?\s*/i.exec(s);
  if (off) return { op: imm(parseExpr(s.slice(off[0].length))), size, explicitMem: false };
  const r = registerOf(s, prefix);
  if (r >= 0) {
    if (size) throw new X86Error(`\`${ptr![0].trim()}' on a register operand`);
    return { op: reg(r), size: 0, explicitMem: false };
  }
  // Segment override: `fs:[rax]`, `fs:0x28`; a constant before ':' is a far pointer `sel:off`.
  let seg = -1;
  const colon = topColon(s);
  if (colon > 0) {
    const left = s.slice(0, colon).trim();
    const sr = registerOf(left, prefix);
    if (left.toLowerCase() === 'flat') { /* MASM's flat segment (`OFFSET FLAT:sym`): no override */ }
    else if (sr >= 0 && REGS[sr].cls === RegClass.Seg) seg = sr;
    else if (sr < 0 && !size) {
      return { op: far(parseExpr(left), parseExpr(s.slice(colon + 1).trim())), size: 0, explicitMem: false };
    } else throw new X86Error(`\`${left}' is not a valid segment register`);
    s = s.slice(colon + 1).trim();
  }
  if (s.includes('[')) return { op: parseBracketed(s, seg, parseExpr, prefix), size, explicitMem: true };
  const v = parseExpr(s);
  if (seg < 0 && !size && isConst(v) && !branch) return { op: imm(v), size: 0, explicitMem: false };
  // A symbol (or an address with a segment or size): memory, or a branch's direct target.
  return { op: mem(v, -1, -1, 1, seg), size, explicitMem: seg >= 0 || size !== 0 || !branch };
}

/** The index of the ']' that closes the '[' at `open`, or -1. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '[') depth++;
    else if (s[i] === ']' && --depth === 0) return i;
  }
  return -1;
}

/** The first ':' outside brackets and parentheses (not part of '::'), or -1. */
function topColon(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ':' && depth === 0) return i;
  }
  return -1;
}

/** `disp[base + index*scale + disp]...`: every term outside and inside the brackets, summed. */
function parseBracketed(s: string, seg: number, parseExpr: ParseExpr, prefix: boolean): MemOp {
  // Flatten `a[b][c]` into the terms a + b + c.
  let flat = '';
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '[') {
      if (depth++ === 0) { flat += flat.trim() ? '+' : ''; continue; }
    } else if (c === ']') {
      if (--depth === 0) { flat += ' '; continue; }
    }
    flat += c;
  }
  if (depth !== 0) throw new X86Error(`unbalanced brackets in \`${s}'`);
  let base = -1;
  let index = -1;
  let scale = 1;
  let disp = '';
  for (const { neg, text } of terms(flat)) {
    const t = text.trim();
    if (!t) throw new X86Error(`bad memory operand \`${s}'`);
    const r = registerOf(t, prefix);
    if (r >= 0) {
      if (neg) throw new X86Error(`invalid use of register \`${t}'`);
      if (REGS[r].cls === RegClass.Seg) throw new X86Error(`invalid use of register \`${t}'`);
      if (base < 0) base = r;
      else if (index < 0) index = r;
      else throw new X86Error(`too many registers in \`${s}'`);
      continue;
    }
    const sc = /^(.+?)\s*\*\s*(.+)$/.exec(t);
    if (sc) {
      const a = registerOf(sc[1], prefix), b = registerOf(sc[2], prefix);
      if (a >= 0 || b >= 0) {
        if (neg || index >= 0) throw new X86Error(`invalid use of register in \`${s}'`);
        index = a >= 0 ? a : b;
        const k = parseExpr(a >= 0 ? sc[2] : sc[1]);
        if (!isConst(k) || (k !== 1n && k !== 2n && k !== 4n && k !== 8n)) {
          throw new X86Error(`expecting scale factor of 1, 2, 4, or 8: got \`${a >= 0 ? sc[2] : sc[1]}'`);
        }
        scale = Number(k);
        continue;
      }
    }
    disp += (neg ? '-' : '+') + t;
  }
  // `[rax + rbx]`: base and index in order; `[rbx*2 + rax]` was placed by its scale already.
  const v: Value = disp ? parseExpr(disp) : 0n;
  return mem(v, base, index, scale, seg);
}

/** Split an expression at its top-level '+' and '-'; a sign that starts a term or follows '*' or '/'
 *  belongs to the term. */
function terms(s: string): { neg: boolean; text: string }[] {
  const out: { neg: boolean; text: string }[] = [];
  let depth = 0;
  let start = 0;
  let neg = false;
  let prev = ''; // the previous non-blank character at depth 0 ('' at a term's start)
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === ' ' || c === '\t') continue;
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && (c === '+' || c === '-')) {
      if (prev === '') {
        if (c === '-') neg = !neg; // `[-8 + rax]`, `[rax + -8]`
        start = i + 1;
        continue;
      }
      if (prev !== '*' && prev !== '/') {
        out.push({ neg, text: s.slice(start, i) });
        neg = c === '-';
        start = i + 1;
        prev = '';
        continue;
      }
    }
    if (depth === 0 || c === ')') prev = c;
  }
  out.push({ neg, text: s.slice(start) });
  return out;
}
