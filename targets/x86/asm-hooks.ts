// The x86 adapter for asm/'s target interface (asm/target.ts). Owned by the asm/ helper.
//
// AT&T statements go through syntax.ts (operands, with asm/'s expression parser as the callback) and
// encode.ts; direct jmp/jcc to a symbol become relaxable (short rel8 first, near rel16/rel32 when
// needed); relocation types come from relocs.ts; code padding from nops.ts. Modes: .code64 / .code32 /
// .code16, and .code16gcc (16-bit code whose call/ret/push/pop/enter/leave without a suffix use 32-bit
// operands, as gcc -m16 expects).
//
// GNU as subtleties kept here:
// - `call sym` gets R_X86_64_PLT32 unless sym is a local symbol already defined when the call is
//   assembled (output_jump decides it then); a relaxed jmp/jcc decides at the end of assembly.
//   FX_LOCAL_AT_PARSE records the first case.
// - A PLT32 without @PLT is adjustable: when asm/ replaces a local symbol by its section symbol,
//   the relocation becomes PC32 (viaSection).
// - Relocations with a specifier (@GOTPCREL, @TPOFF, ...) keep their symbol (tc_i386_fix_adjustable).

import type {
  AsmTarget, CfiTarget, RelaxForm, RelocChoice, RelocQuery, TargetEncoding, TargetEnv, TargetFixup,
} from '../../asm/target';
import { encode, encodeBranch, isRelaxable, Fixup, Encoded, FX_CALL, FX_BRANCH, FX_DISP, Mode } from './encode';
import { codePadding } from './nops';
import { Instruction, OpKind, Operand, RELOC_SPECS, SymExpr, Value } from './operand';
import {
  i386RelocType, x86_64RelocType, R_X86_64_PC32, R_386_PC32, R_X86_64_GOTPC32, R_386_GOTPC,
} from './relocs';
import { parseSplitInstruction, printInstruction } from './syntax';
import { parseIntelInstruction } from './intel';
import { RegClass, regByName, REGS } from './regs';
import { X86Error } from './error';

/** The name an operand's text starts with (after blanks and '*'), or '': /^\s*\*?\s*([A-Za-z_.$][\w.$]*)/. */
function leadingName(s: string, start: number, end: number): string {
  let i = start;
  while (i < end && isBlank(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) === 42 /* * */) {
    i++;
    while (i < end && isBlank(s.charCodeAt(i))) i++;
  }
  if (i >= end || !isNameChar(s.charCodeAt(i), false)) return '';
  const from = i;
  while (i < end && isNameChar(s.charCodeAt(i), true)) i++;
  return s.slice(from, i);
}

/** True when the operand text holds only registers, decimal numbers and punctuation: no letter,
 *  '.', '_' or '$'-in-a-name outside a %register name (so no symbol, hex constant or 1f/1b label). */
function namesNoSymbol(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 /* % */) {
      while (i + 1 < s.length && isAlnum(s.charCodeAt(i + 1))) i++;
    } else if (c !== 36 /* $ */ && isNameChar(c, false)) return false;
    else if (c >= 128 || c === 34 || c === 39 || c === 64 /* " ' @ */) return false;
  }
  return true;
}

/**
 * If the operand text names exactly one symbol and that name is a whole operand expression (after
 * start, ',', '$' or '*'; before '(', ',' or the end), its span as (end << 16) | start; else -1.
 * Numbers must be plain decimal (no 0x.., no 1f/1b) and registers are skipped.
 */
function soleName(s: string): number {
  if (s.length >= 0xffff) return -1;
  let found = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 /* % */) {
      while (i + 1 < s.length && isAlnum(s.charCodeAt(i + 1))) i++;
    } else if (c >= 48 && c <= 57) {
      while (i + 1 < s.length && isAlnum(s.charCodeAt(i + 1))) if (!isDigitCode(s.charCodeAt(++i))) return -1;
    } else if (c !== 36 && isNameChar(c, false)) {
      if (found >= 0) return -1;
      const start = i;
      while (i + 1 < s.length && isNameChar(s.charCodeAt(i + 1), true)) i++;
      const end = i + 1;
      if (end - start === 1 && c === 46 /* . */) return -1;
      let p = start - 1;
      while (p >= 0 && isBlank(s.charCodeAt(p))) p--;
      const before = p < 0 ? 44 : s.charCodeAt(p);
      if (before !== 44 && before !== 36 && before !== 42) return -1;
      if (before === 36 && s.charCodeAt(p - 1) === 36) return -1;
      let q = end;
      while (q < s.length && isBlank(s.charCodeAt(q))) q++;
      const after = q >= s.length ? 44 : s.charCodeAt(q);
      if (after !== 40 && after !== 44) return -1;
      found = (end << 16) | start;
    } else if (c >= 128 || c === 34 || c === 39 || c === 64) return -1;
  }
  return found;
}

interface ObjEntry { inst: Instruction; enc: TargetEncoding; next: ObjEntry | null }

const MNEMONIC_IDS = new Map<string, number>();
function mnemonicId(m: string): number {
  let id = MNEMONIC_IDS.get(m);
  if (id === undefined) { id = MNEMONIC_IDS.size + 1; MNEMONIC_IDS.set(m, id); }
  return id;
}

function mix(h: number, v: number): number {
  return Math.imul(h ^ v, 0x01000193) ^ (h >>> 15);
}

/** Two instructions made of the same mnemonic, prefixes and constant operands. */
function sameInst(a: Instruction, b: Instruction): boolean {
  if (a.mnemonic !== b.mnemonic || a.prefixes !== b.prefixes || a.operands.length !== b.operands.length) return false;
  for (let j = 0; j < a.operands.length; j++) {
    const x = a.operands[j], y = b.operands[j];
    if (x === y) continue;
    if (x.kind !== y.kind) return false;
    switch (x.kind) {
      case OpKind.Reg: if (x.reg !== (y as typeof x).reg || x.star !== (y as typeof x).star) return false; break;
      case OpKind.Imm: if (x.value !== (y as typeof x).value) return false; break;
      case OpKind.Mem: {
        const m = y as typeof x;
        if (x.base !== m.base || x.index !== m.index || x.scale !== m.scale || x.seg !== m.seg || x.star !== m.star || x.disp !== m.disp) return false;
        break;
      }
      default: return false;
    }
  }
  return true;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAlnum(c: number): boolean {
  const l = c | 0x20;
  return (l >= 97 && l <= 122) || (c >= 48 && c <= 57);
}

function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isNameChar(c: number, digits: boolean): boolean {
  const l = c | 0x20;
  return (l >= 97 && l <= 122) || c === 95 || c === 46 || c === 36 || (digits && c >= 48 && c <= 57);
}
/** `%name` or `%st(N)` at `pos` as a register (for `.if \base == %rsp`): canonical name and end. */
function exprRegister(s: string, pos: number): { name: string; end: number } | null {
  if (s.charCodeAt(pos) !== 37 /* % */) return null;
  let i = pos + 1;
  while (i < s.length && isAlnum(s.charCodeAt(i))) i++;
  let name = s.slice(pos + 1, i);
  if (name.toLowerCase() === 'st') {
    const m = /^\s*\(\s*([0-7])\s*\)/.exec(s.slice(i, i + 12));
    if (m) { name = `st(${m[1]})`; i += m[0].length; }
  }
  const r = regByName(name);
  return r < 0 ? null : { name: REGS[r].name, end: i };
}

/** Every specifier but @PLT and @SIZE makes GNU as create _GLOBAL_OFFSET_TABLE_ (lex_got). */
const GOT_SPECS: ReadonlySet<string> = new Set([...RELOC_SPECS].filter((s) => s !== 'PLT' && s !== 'SIZE'));
const TLS_SPECS: ReadonlySet<string> = new Set([
  'TLSGD', 'TLSLD', 'TLSLDM', 'DTPOFF', 'GOTTPOFF', 'TPOFF', 'NTPOFF', 'INDNTPOFF', 'GOTNTPOFF', 'TLSDESC', 'TLSCALL',
]);
/** tc_i386_fix_adjustable: @PLT against a local symbol becomes a plain pc-relative reference. */
const ADJUSTABLE: ReadonlySet<string> = new Set(['PLT']);
const FX_SIGNED = 1 << 16;
const FX_LOCAL_AT_PARSE = 1 << 17;

const EM_386 = 3, EM_X86_64 = 62, SHT_PROGBITS = 1;

/** DWARF register numbers (x86-64 psABI and i386 SysV). */
const DWARF64 = ['rax', 'rdx', 'rcx', 'rbx', 'rsi', 'rdi', 'rbp', 'rsp', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15', 'rip'];
const DWARF32 = ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi', 'eip'];

/** Prefix words, which take an instruction as their "operand" (`rep movsq`). */
const PREFIX_HEADS: ReadonlySet<string> = new Set([
  'lock', 'rep', 'repe', 'repz', 'repne', 'repnz', 'data16', 'data32', 'addr16', 'addr32', 'notrack', 'wait', 'fwait',
]);

/** Spellings that .code16gcc turns into their 32-bit forms. */
const CODE16GCC: Record<string, string> = {
  call: 'calll', ret: 'retl', push: 'pushl', pop: 'popl', pushf: 'pushfl', popf: 'popfl', enter: 'enterl',
  leave: 'leavel', lret: 'lretl', pusha: 'pushal', popa: 'popal', lcall: 'lcalll',
};

export function makeX86Target(bits: 64 | 32): AsmTarget {
  let mode: Mode = bits;
  let gcc16 = false;
  /** `.intel_syntax`: Intel operands; `prefix`: registers need '%'. */
  let intel = false;
  let intelPrefix = false;
  const is64 = bits === 64;
  /** mnemonic -> operand text -> encoding, for statements without symbols (valid for one mode). */
  let constCache = new Map<string, Map<string, TargetEncoding>>();
  let constCacheSize = 0;
  /** The same for instruction objects without symbols, by constHash (entries chained, compared whole). */
  let objCache = new Map<number, ObjEntry>();
  /** Relaxable direct jumps of instruction objects by mnemonic: forms of the first one (see assembleObject). */
  let branchCache = new Map<string, { forms: RelaxForm[]; addend: bigint }>();
  /** mnemonic -> operand text with its one symbol replaced by \x01 -> template (see assembleWithSymbol). */
  let symCache = new Map<string, Map<string, { enc: TargetEncoding; addend: bigint; movq: boolean }>>();

  function toTargetFixup(f: Fixup, env: TargetEnv): TargetFixup {
    let kind = f.flags | (f.signed ? FX_SIGNED : 0);
    if (f.flags & FX_CALL && f.expr.sym && env.isLocalDefined(f.expr.sym)) kind |= FX_LOCAL_AT_PARSE;
    // `$_GLOBAL_OFFSET_TABLE_` (GOTPC): GNU as adds the field's distance from the instruction start.
    const gotpc = f.expr.sym === '_GLOBAL_OFFSET_TABLE_' && !f.expr.spec && !f.pcrel;
    return {
      offset: f.offset, size: f.size, pcrel: f.pcrel, sym: f.expr.sym, addend: f.expr.addend + (gotpc ? BigInt(f.offset) : 0n), spec: f.expr.spec,
      check: f.pcrel || f.signed ? 1 : 3, kind,
    };
  }

  function convert(e: Encoded, env: TargetEnv): TargetEncoding {
    return { bytes: e.bytes, fixups: e.fixups.map((f) => toTargetFixup(f, env)) };
  }

  function relaxForms(inst: Instruction, env: TargetEnv): RelaxForm[] | null {
    const short = encodeBranch(inst, mode, 'short');
    const near = encodeBranch(inst, mode, 'near');
    if (short.fixups.length !== 1 || near.fixups.length !== 1) return null;
    const nf = toTargetFixup(near.fixups[0], env);
    const wide = nf.size === 2 ? 0x7fff : 0x7fffffff;
    return [
      { bytes: short.bytes, fixup: toTargetFixup(short.fixups[0], env), min: -128, max: 127 },
      { bytes: near.bytes, fixup: nf, min: -wide - 1, max: wide },
    ];
  }

  /** GNU as converts an existing `.L` symbol into a full symbol (which fixes its place in the symbol
   *  table) when an operand's text starts with its name (parse_register looks the name up first). */
  function noteLeadingNames(operands: string, env: TargetEnv): void {
    if (!env.noteOperandRef || !operands) return;
    let depth = 0;
    let start = 0;
    for (let i = 0; i <= operands.length; i++) {
      const c = i < operands.length ? operands.charCodeAt(i) : 44;
      if (c === 40) depth++;
      else if (c === 41) depth--;
      else if (c === 44 && depth <= 0) {
        const name = leadingName(operands, start, i);
        if (name) env.noteOperandRef(name, false);
        start = i + 1;
      }
    }
  }

  /** ... and a 64-bit mov between a register and memory converts its symbol even when it did not exist
   *  before the instruction (found by experiment with GNU as 2.40). */
  function noteMovq(inst: Instruction, env: TargetEnv): void {
    const ops = inst.operands;
    if (mode !== 64 || ops.length !== 2 || !env.noteOperandRef || !/^movq?$/i.test(inst.mnemonic)) return;
    for (let k = 0; k < 2; k++) {
      const op = ops[k], other = ops[1 - k];
      if (op.kind === OpKind.Mem && isSymbolic(op.disp) && other.kind === OpKind.Reg && REGS[other.reg].cls === RegClass.Gpr64) {
        env.noteOperandRef(op.disp.sym, true);
      }
    }
  }

  function isSymbolic(v: Value): v is SymExpr {
    return typeof v !== 'bigint' && v.sym !== '';
  }

  /** After `.intel_syntax [noprefix]`: Intel operands (intel.ts), no caches. */
  function assembleIntel(mnemonic: string, operands: string, env: TargetEnv): TargetEncoding {
    // The Intel parser meets `sym@GOTPCREL` after `sym`: sym enters the symbol table before the
    // _GLOBAL_OFFSET_TABLE_ the specifier creates (in AT&T, lex_got runs first).
    if (operands.includes('@')) for (const m of operands.matchAll(/([A-Za-z_.$][\w.$]*)@[A-Za-z]/g)) env.parseExpr(m[1]);
    const inst = parseIntelInstruction(mnemonic, operands, env.parseExpr as (t: string) => Value, mode, intelPrefix);
    // GNU as's Intel parser makes every symbol an operand names a full symbol there (found by
    // experiment: `.LC0` of `lea rdi, .LC0[rip]` takes its place in the symbol table at once).
    if (env.noteOperandRef) {
      for (const op of inst.operands) {
        const v = op.kind === OpKind.Mem ? op.disp : op.kind === OpKind.Imm ? op.value : null;
        if (v !== null && isSymbolic(v)) env.noteOperandRef(v.sym, true);
      }
    }
    return encodeParsed(inst, env);
  }

  function assembleUncached(mnemonic: string, operands: string, env: TargetEnv, noted = false): TargetEncoding {
    let mn = mnemonic;
    if (gcc16 && CODE16GCC.hasOwnProperty(mn.toLowerCase())) {
      // Only when no operand fixes the size (push %ax stays 16-bit).
      // (segment registers do not: GNU as pushes them with 32 bits and a warning).
      if (!/%[a-d]x\b|%[sd]i\b|%[sb]p\b/.test(operands.replace(/\([^)]*\)/g, ''))) mn = CODE16GCC[mn.toLowerCase()];
    }
    if (!noted) noteLeadingNames(operands, env);
    const inst = parseSplitInstruction(mn, operands, env.parseExpr as (t: string) => Value);
    return encodeParsed(inst, env);
  }

  /** A parsed instruction -> bytes and fixups (a direct jmp/jcc to a symbol: its relaxable forms). */
  function encodeParsed(inst: Instruction, env: TargetEnv): TargetEncoding {
    noteMovq(inst, env);
    const op0 = inst.operands[0];
    if (inst.operands.length === 1 && op0.kind === OpKind.Mem && !op0.star && op0.base < 0 && op0.index < 0
        && isSymbolic(op0.disp)) {
      // A direct jump: its forms differ from one target to the next only in the fixups' symbol and
      // addend, so the forms of the first one with that mnemonic serve as a template.
      const v = op0.disp;
      const cacheable = op0.seg < 0 && !inst.prefixes && !v.spec && v.sym !== '_GLOBAL_OFFSET_TABLE_';
      const t = cacheable ? branchCache.get(inst.mnemonic) : undefined;
      if (t) {
        const d = v.addend - t.addend;
        const relax = t.forms.map((r) => ({
          bytes: r.bytes, min: r.min, max: r.max,
          fixup: { ...r.fixup, sym: v.sym, addend: r.fixup.addend + d },
        }));
        return { bytes: relax[0].bytes, fixups: [], relax };
      }
      if (isRelaxable(inst, mode)) {
        const forms = relaxForms(inst, env);
        if (forms) {
          if (cacheable && forms.every((r) => !(r.fixup.kind & FX_LOCAL_AT_PARSE))) {
            branchCache.set(inst.mnemonic, { forms, addend: v.addend });
          }
          return { bytes: forms[0].bytes, fixups: [], relax: forms };
        }
      }
    }
    return convert(encode(inst, mode), env);
  }

  /**
   * An instruction whose operands name exactly one symbol as a whole expression (`call foo`, `jne .L5`,
   * `leaq .LC0(%rip), %rax`, `movl $foo, %eax`): when the name stands for symbol + addend without a
   * specifier, the bytes do not depend on which symbol it is, so one encoding per operand shape serves
   * as a template whose fixups get the symbol and addend of each use. Anything else is encoded anew.
   */
  function assembleWithSymbol(mnemonic: string, operands: string, env: TargetEnv): TargetEncoding {
    const at = PREFIX_HEADS.has(mnemonic.toLowerCase()) ? -1 : soleName(operands);
    if (at < 0) return assembleUncached(mnemonic, operands, env);
    const end = at >>> 16, start = at & 0xffff;
    noteLeadingNames(operands, env);
    const name = operands.slice(start, end);
    const v = env.parseExpr(name);
    const onceEnv = (): TargetEnv => ({
      parseExpr: (t) => (t === name ? v : env.parseExpr(t)), symValue: env.symValue, isLocalDefined: env.isLocalDefined,
      noteOperandRef: env.noteOperandRef,
    });
    if (typeof v === 'bigint' || v.spec !== '' || v.sym === '' || v.sym === '_GLOBAL_OFFSET_TABLE_') {
      return assembleUncached(mnemonic, operands, onceEnv(), true);
    }
    let byShape = symCache.get(mnemonic);
    if (!byShape) symCache.set(mnemonic, (byShape = new Map()));
    const shape = operands.slice(0, start) + '\x01' + operands.slice(end);
    let t = byShape.get(shape);
    if (!t) {
      const once = onceEnv();
      let movq = false;
      const rec: TargetEnv = {
        parseExpr: once.parseExpr, symValue: env.symValue, isLocalDefined: env.isLocalDefined,
        noteOperandRef: (n, always) => { if (always) movq = true; env.noteOperandRef?.(n, always); },
      };
      const enc = assembleUncached(mnemonic, operands, rec, true);
      const fixes = enc.relax ? enc.relax.map((r) => r.fixup) : enc.fixups;
      if (!fixes.every((f) => f.sym === v.sym && f.spec === '')) return enc;
      t = { enc, addend: v.addend, movq };
      byShape.set(shape, t);
      return enc;
    }
    if (t.movq) env.noteOperandRef?.(v.sym, true);
    const d = v.addend - t.addend;
    const fix = (f: TargetFixup): TargetFixup => {
      let kind = f.kind & ~FX_LOCAL_AT_PARSE;
      if (f.kind & FX_CALL && env.isLocalDefined(v.sym)) kind |= FX_LOCAL_AT_PARSE;
      return {
        offset: f.offset, size: f.size, pcrel: f.pcrel, sym: v.sym, addend: f.addend + d, spec: '', check: f.check, kind,
      };
    };
    const e = t.enc;
    if (e.relax) {
      const relax = e.relax.map((r) => ({ bytes: r.bytes, fixup: fix(r.fixup), min: r.min, max: r.max }));
      return { bytes: relax[0].bytes, fixups: [], relax };
    }
    return { bytes: e.bytes, fixups: e.fixups.map(fix) };
  }

  /** A symbolic value of an instruction object resolved as the assembler would resolve its text. */
  function resolve(v: Value, env: TargetEnv): Value {
    if (typeof v === 'bigint' || v.sym === '') return v;
    const r = env.symValue(v.sym, v.addend, v.spec);
    return typeof r === 'bigint' ? r : { sym: r.sym, addend: r.addend, spec: r.spec as SymExpr['spec'] };
  }

  /**
   * An instruction object from the code generator: the same effects and encoding as its printed
   * text through assembleUncached (names noted as operands that start with them, symbols entered in
   * operand order, the movq rule, relaxable branches), without printing or parsing.
   */
  function assembleObject(src: Instruction, env: TargetEnv): TargetEncoding {
    const ops = src.operands;
    // Without symbols the encoding depends on nothing but the instruction: code generators repeat
    // the same ones (frame accesses, register moves) all the time.
    const h = constHash(src);
    if (h !== -1) {
      for (let e: ObjEntry | null | undefined = objCache.get(h); e; e = e.next) if (sameInst(e.inst, src)) return e.enc;
      const enc = convert(encode(src, mode), env);
      if (enc.fixups.length) return enc;
      if (objCache.size > 1 << 16) objCache.clear();
      objCache.set(h, { inst: src, enc, next: objCache.get(h) ?? null });
      return enc;
    }
    if (env.noteOperandRef) {
      for (const op of ops) {
        if (op.kind === OpKind.Mem && op.seg < 0 && typeof op.disp !== 'bigint' && op.disp.sym !== '') env.noteOperandRef(op.disp.sym, false);
      }
    }
    let inst = src;
    for (let k = 0; k < ops.length; k++) {
      const op = ops[k];
      let r: Operand = op;
      if (op.kind === OpKind.Imm) { if (typeof op.value !== 'bigint') r = { kind: OpKind.Imm, value: resolve(op.value, env) }; }
      else if (op.kind === OpKind.Mem) { if (typeof op.disp !== 'bigint') r = { ...op, disp: resolve(op.disp, env) }; }
      else if (op.kind === OpKind.Far) r = { kind: OpKind.Far, sel: resolve(op.sel, env), off: resolve(op.off, env) };
      if (r !== op) {
        if (inst === src) inst = { mnemonic: src.mnemonic, operands: ops.slice(), prefixes: src.prefixes };
        inst.operands[k] = r;
      }
    }
    return encodeParsed(inst, env);
  }

  /** A hash of everything an instruction without symbolic values is made of (-1: it has some). */
  function constHash(i: Instruction): number {
    let h = Math.imul(mnemonicId(i.mnemonic), 0x9e3779b1) ^ i.prefixes;
    const ops = i.operands;
    for (let j = 0; j < ops.length; j++) {
      const op = ops[j];
      switch (op.kind) {
        case OpKind.Reg: h = mix(h, op.reg + (op.star ? 4096 : 1)); break;
        case OpKind.Imm: {
          if (typeof op.value !== 'bigint') return -1;
          const n = Number(op.value);
          h = mix(mix(h, 0x5bd1e995 ^ (n | 0)), (n / 4294967296) | 0);
          break;
        }
        case OpKind.Mem: {
          if (typeof op.disp !== 'bigint') return -1;
          const n = Number(op.disp);
          h = mix(h, ((op.base + 1) | ((op.index + 1) << 10) | (op.scale << 20) | ((op.seg + 1) << 24)) ^ (op.star ? 1 << 30 : 0));
          h = mix(mix(h, n | 0), (n / 4294967296) | 0);
          break;
        }
        default: return -1;
      }
    }
    return h === -1 ? 0 : h;
  }

  const cfi: CfiTarget = {
    codeAlign: 1,
    dataAlign: is64 ? -8 : -4,
    returnColumn: is64 ? 16 : 8,
    initial: [],
    initialCfaReg: is64 ? 7 : 4,
    initialCfaOffset: is64 ? 8 : 4,
    addrSize: is64 ? 8 : 4,
    ehFrameType: SHT_PROGBITS,
    dwarfReg: (name) => {
      const r = (is64 ? DWARF64 : DWARF32).indexOf(name);
      if (r >= 0) return r;
      let m = /^xmm(\d+)$/.exec(name);
      if (m) return (is64 ? 17 : 21) + Number(m[1]);
      m = /^st\(?(\d)\)?$/.exec(name);
      if (m) return (is64 ? 33 : 11) + Number(m[1]);
      if (name === 'eflags' || name === 'rflags') return is64 ? 49 : 9;
      return -1;
    },
    pcrel32: is64 ? R_X86_64_PC32 : R_386_PC32,
  };

  return {
    elfClass: bits,
    machine: is64 ? EM_X86_64 : EM_386,
    elfFlags: 0,
    rela: is64,
    commentChars: '#',
    lineCommentChars: '#/',
    specs: RELOC_SPECS,
    gotSpecs: GOT_SPECS,
    tlsSpecs: TLS_SPECS,
    adjustableSpecs: ADJUSTABLE,
    cfi,
    exprRegister,
    dataSpecPlaces: () => intel,

    directive(name: string, args: string): boolean {
      if (name.startsWith('.code')) { constCache = new Map(); symCache = new Map(); objCache = new Map(); branchCache = new Map(); }
      switch (name) {
        case '.code64': mode = 64; gcc16 = false; return true;
        case '.code32': mode = 32; gcc16 = false; return true;
        case '.code16': mode = 16; gcc16 = false; return true;
        case '.code16gcc': mode = 16; gcc16 = true; return true;
        case '.att_syntax':
          if (args.trim().toLowerCase() === 'noprefix') throw new X86Error('.att_syntax noprefix is not supported');
          intel = false;
          return true;
        case '.intel_syntax': {
          const a = args.trim().toLowerCase();
          if (a && a !== 'noprefix' && a !== 'prefix') throw new X86Error(`bad argument to syntax directive.`);
          intel = true;
          intelPrefix = a === 'prefix';
          return true;
        }
        case '.intel_mnemonic': case '.att_mnemonic': return true;
        case '.arch': return true;
        default: return false;
      }
    },

    assemble(mnemonic: string, operands: string, env: TargetEnv): TargetEncoding {
      if (env.registerEquate) {
        // names equated to registers stand for them (GNU as's parse_register on reg_section symbols);
        // such a statement means another thing after the next `.set`, so it is never cached
        const sub = operands.replace(/(?<![\w.$%\\])[A-Za-z_.$][\w.$]*/g, (w) => env.registerEquate!(w) ?? w);
        if (sub !== operands) {
          const enc = intel ? assembleIntel(mnemonic, sub.replace(/%/g, ''), env) : assembleUncached(mnemonic, sub, env);
          return { ...enc, reusable: false };
        }
      }
      if (intel) return assembleIntel(mnemonic, operands, env);
      // Statements that name no symbol (registers and decimal constants only) encode the same way
      // every time in a mode: gcc's output repeats them thousands of times, so their bytes are kept.
      if (!namesNoSymbol(operands)) return assembleWithSymbol(mnemonic, operands, env);
      let byOps = constCache.get(mnemonic);
      if (!byOps) constCache.set(mnemonic, (byOps = new Map()));
      let enc = byOps.get(operands);
      if (!enc) {
        enc = assembleUncached(mnemonic, operands, env);
        if (enc.fixups.length || enc.relax) return enc;
        if (constCacheSize++ > 1 << 16) { constCache.clear(); constCacheSize = 0; }
        enc.reusable = true;
        byOps.set(operands, enc);
      }
      return enc;
    },

    assembleInst(obj: object, env: TargetEnv): TargetEncoding {
      const i = obj as Instruction;
      if (mode === bits && !gcc16) return assembleObject(i, env);
      // another mode's spelling rules (.code16gcc): through the text
      const t = printInstruction(i);
      const sp = t.search(/\s/);
      return this.assemble(sp < 0 ? t : t.slice(0, sp), sp < 0 ? '' : t.slice(sp + 1).trim(), env);
    },

    nops: (len: number) => codePadding(len, mode),

    reloc(q: RelocQuery): RelocChoice {
      const f = q.fix;
      const fx: Fixup = {
        offset: f.offset, size: f.size, pcrel: f.pcrel, signed: (f.kind & FX_SIGNED) !== 0,
        expr: { sym: f.sym, addend: f.addend, spec: f.spec as SymExpr['spec'] }, flags: f.kind & 0xffff,
      };
      if (f.sym === '_GLOBAL_OFFSET_TABLE_' && !f.spec) {
        return { type: is64 ? R_X86_64_GOTPC32 : R_386_GOTPC, keepSymbol: true };
      }
      let type: number;
      if (is64) {
        let local = f.kind & FX_CALL ? (f.kind & FX_LOCAL_AT_PARSE) !== 0 : q.local;
        if (q.viaSection || (f.kind & FX_BRANCH && !f.sym)) local = true;
        type = x86_64RelocType(fx, local);
      } else type = i386RelocType(fx);
      if (q.viaSection && f.spec === 'PLT') type = is64 ? R_X86_64_PC32 : R_386_PC32;
      // Relocations with a specifier keep their symbol, except @PLT and (i386) @GOTOFF in a memory
      // operand's displacement (not in an immediate or data).
      const gotoffDisp = f.spec === 'GOTOFF' && !is64 && (f.kind & FX_DISP) !== 0;
      return { type, keepSymbol: f.spec !== '' && f.spec !== 'PLT' && !gotoffDisp };
    },

    dataFixup(size: number, pcrel: boolean, spec: string): TargetFixup {
      return { offset: 0, size, pcrel, sym: '', addend: 0n, spec, check: 3, kind: 0 };
    },

    forceRelocGlobal: () => true,

    // GNU as keeps the symbol when the fixup's own offset is not zero: x86-64 pc-relative fixups
    // carry the -4 bias there, i386 ones do not; i386 @GOTOFF always keeps it.
    keepInMerge(f: TargetFixup): boolean {
      if (is64) return f.pcrel || f.addend !== 0n;
      return f.spec === 'GOTOFF' || f.addend + (f.pcrel ? BigInt(f.size) : 0n) !== 0n;
    },
  };
}
