// Directives: one function per pseudo-op, registered in DIRECTIVES by name. Conditionals, macros and
// repetitions live in macros.ts, CFI in cfi.ts; the target gets the rest (.code16, .att_syntax).

import type { Assembler } from './assembler';
import { AsmError } from './error';
import { E, evaluate, Expr, isConstVal } from './expr';
import { splitArgs, stringArg } from './lexer';
import { dIf, dIrp, dMacro, dPurgem, dRept } from './macros';
import { Section, VarKind } from './sections';
import { BIND_GLOBAL, BIND_LOCAL, BIND_WEAK, Sym, SymKind } from './symbols';

export type Directive = (as: Assembler, rest: string, name: string) => void;
export const DIRECTIVES = new Map<string, Directive>();

function def(names: string, fn: Directive): void {
  for (const n of names.split(' ')) DIRECTIVES.set(n, fn);
}

// ---- ELF constants used here (kept local: asm/ does not depend on elf/ for these few) ----------
const SHT_PROGBITS = 1, SHT_NOTE = 7, SHT_NOBITS = 8, SHT_INIT_ARRAY = 14, SHT_FINI_ARRAY = 15, SHT_PREINIT_ARRAY = 16;
const SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXECINSTR = 4, SHF_MERGE = 0x10, SHF_STRINGS = 0x20, SHF_INFO_LINK = 0x40;
const SHF_LINK_ORDER = 0x80, SHF_GROUP = 0x200, SHF_TLS = 0x400, SHF_EXCLUDE = 0x80000000, SHF_GNU_RETAIN = 0x200000;
const STT_NOTYPE = 0, STT_OBJECT = 1, STT_FUNC = 2, STT_TLS = 6, STT_COMMON = 5, STT_GNU_IFUNC = 10;
export const STB_GNU_UNIQUE = 10;
const STV_INTERNAL = 1, STV_HIDDEN = 2, STV_PROTECTED = 3;

// ---- sections ----------------------------------------------------------------------------------

/** Type and flags GNU as gives a section from its name alone. */
function specialSection(name: string): { type: number; flags: number } {
  const pre = (p: string) => name === p || name.startsWith(p + '.');
  if (pre('.text')) return { type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_EXECINSTR };
  if (pre('.data') || pre('.data1')) return { type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_WRITE };
  if (pre('.bss')) return { type: SHT_NOBITS, flags: SHF_ALLOC | SHF_WRITE };
  if (pre('.rodata') || pre('.rodata1')) return { type: SHT_PROGBITS, flags: SHF_ALLOC };
  if (pre('.tdata')) return { type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_WRITE | SHF_TLS };
  if (pre('.tbss')) return { type: SHT_NOBITS, flags: SHF_ALLOC | SHF_WRITE | SHF_TLS };
  if (pre('.init_array')) return { type: SHT_INIT_ARRAY, flags: SHF_ALLOC | SHF_WRITE };
  if (pre('.fini_array')) return { type: SHT_FINI_ARRAY, flags: SHF_ALLOC | SHF_WRITE };
  if (pre('.preinit_array')) return { type: SHT_PREINIT_ARRAY, flags: SHF_ALLOC | SHF_WRITE };
  if (name === '.init' || name === '.fini') return { type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_EXECINSTR };
  if (name.startsWith('.note')) return { type: SHT_NOTE, flags: 0 };
  if (name === '.note.GNU-stack') return { type: SHT_PROGBITS, flags: 0 };
  if (name === '.comment') return { type: SHT_PROGBITS, flags: SHF_MERGE | SHF_STRINGS };
  return { type: SHT_PROGBITS, flags: 0 };
}

const FLAG_LETTERS: Record<string, number> = {
  a: SHF_ALLOC, w: SHF_WRITE, x: SHF_EXECINSTR, M: SHF_MERGE, S: SHF_STRINGS, G: SHF_GROUP, T: SHF_TLS,
  o: SHF_LINK_ORDER, e: SHF_EXCLUDE, R: SHF_GNU_RETAIN, d: 0, y: 0, '?': 0,
};
const TYPES: Record<string, number> = {
  progbits: SHT_PROGBITS, nobits: SHT_NOBITS, note: SHT_NOTE, init_array: SHT_INIT_ARRAY,
  fini_array: SHT_FINI_ARRAY, preinit_array: SHT_PREINIT_ARRAY, unwind: 0x70000001,
};

function unq(s: string): string {
  s = s.trim();
  return s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

/** Parse `.section name[,"flags"[,@type[,entsize]][,group[,comdat]]][,unique,N]` and return the section. */
function sectionFromArgs(as: Assembler, rest: string): { sec: Section; sub: number } {
  const args = splitArgs(rest);
  if (!args.length || !args[0]) throw new AsmError('missing name');
  const name = unq(args[0]);
  const special = specialSection(name);
  if (args.length === 1) {
    const existing = as.sections.find((s) => s.name === name && !s.group && !s.uniqueId);
    return { sec: existing ?? as.getSection(name, special.type, special.flags, 0), sub: 0 };
  }
  let flags = 0;
  let flagText = unq(args[1]);
  if (/^\d+$/.test(args[1].trim())) { // `.section name, N` is a subsection in some targets
    flagText = '';
  }
  for (const c of flagText) {
    if (!(c in FLAG_LETTERS)) throw new AsmError(`unknown section attribute '${c}'`);
    flags |= FLAG_LETTERS[c];
  }
  let i = 2;
  let type = special.type;
  if (!flagText.length && args.length === 2) type = special.type;
  let entsize = 0;
  let group = '';
  let comdat = false;
  let unique = 0;
  if (i < args.length && /^[@%]/.test(args[i])) {
    const t = args[i].slice(1);
    if (/^\d+$/.test(t)) type = Number(t);
    else if (t in TYPES) type = TYPES[t];
    else throw new AsmError(`unrecognized section type \`${t}'`);
    i++;
    if (flags & SHF_MERGE) {
      if (i >= args.length) throw new AsmError('entity size for SHF_MERGE not specified');
      entsize = Number(as.absolute(args[i++]));
    }
  } else if (flags & SHF_MERGE) {
    throw new AsmError('entity size for SHF_MERGE not specified');
  }
  if (flags & SHF_LINK_ORDER) i++; // linked-to symbol (not modelled yet)
  if (flags & SHF_GROUP) {
    group = unq(args[i++] ?? '');
    if (!group) throw new AsmError('group name for SHF_GROUP not specified');
    if (args[i] === 'comdat') { comdat = true; i++; }
  }
  if (args[i] === 'unique') {
    unique = Number(as.absolute(args[i + 1] ?? '')) + 1;
    i += 2;
  }
  // Known names keep their type when none is given (.bss.x stays NOBITS).
  if (!flagText.length && !args.slice(2).some((a) => /^[@%]/.test(a))) flags = special.flags;
  flags |= 0;
  let sec = as.sections.find((s) => s.name === name && s.group === group && s.uniqueId === unique);
  if (!sec) {
    sec = as.getSection(name, type, flags >>> 0, entsize, group, unique);
    sec.comdat = comdat || !!group && args.includes('comdat');
  }
  return { sec, sub: 0 };
}

def('.section', (as, rest) => {
  const { sec, sub } = sectionFromArgs(as, rest);
  as.switchTo(sec, sub);
});
def('.pushsection', (as, rest) => {
  as.sectionStack.push({ sec: as.cur, sub: as.sub, prevSec: as.prevSec, prevSub: as.prevSub });
  const args = splitArgs(rest);
  // `.pushsection name, subsection` (a number) is also accepted.
  if (args.length === 2 && /^\d+$/.test(args[1])) {
    const { sec } = sectionFromArgs(as, args[0]);
    as.switchTo(sec, Number(args[1]));
  } else {
    const { sec, sub } = sectionFromArgs(as, rest);
    as.switchTo(sec, sub);
  }
});
def('.popsection', (as) => {
  const e = as.sectionStack.pop();
  if (!e) throw new AsmError('.popsection without corresponding .pushsection; ignored');
  as.cur = e.sec;
  as.sub = e.sub;
  as.prevSec = e.prevSec;
  as.prevSub = e.prevSub;
});
def('.previous', (as) => {
  if (!as.prevSec) throw new AsmError('.previous without corresponding .section; ignored');
  const s = as.prevSec, n = as.prevSub;
  as.prevSec = as.cur;
  as.prevSub = as.sub;
  as.cur = s;
  as.sub = n;
});
def('.subsection', (as, rest) => as.switchTo(as.cur, Number(as.absolute(rest))));
def('.text .data .bss', (as, rest, name) => {
  const sec = as.sections.find((s) => s.name === name && !s.group && !s.uniqueId)!;
  as.switchTo(sec, rest.trim() ? Number(as.absolute(rest)) : 0);
});

// ---- symbols -----------------------------------------------------------------------------------

function names(as: Assembler, rest: string): Sym[] {
  return splitArgs(rest).filter((n) => n).map((n) => {
    const s = as.symbols.ref(unq(n));
    return s;
  });
}

def('.globl .global', (as, rest) => {
  for (const s of names(as, rest)) if (s.bind !== BIND_WEAK) s.bind = BIND_GLOBAL;
});
def('.weak', (as, rest) => {
  for (const s of names(as, rest)) s.bind = BIND_WEAK;
});
def('.local', (as, rest) => {
  for (const s of names(as, rest)) s.bind = BIND_LOCAL;
});
def('.hidden .protected .internal', (as, rest, name) => {
  const v = name === '.hidden' ? STV_HIDDEN : name === '.protected' ? STV_PROTECTED : STV_INTERNAL;
  for (const s of names(as, rest)) s.visibility = v;
});

const TYPE_NAMES: Record<string, number> = {
  function: STT_FUNC, object: STT_OBJECT, tls_object: STT_TLS, common: STT_COMMON, notype: STT_NOTYPE,
  gnu_indirect_function: STT_GNU_IFUNC, gnu_unique_object: STT_OBJECT,
  stt_func: STT_FUNC, stt_object: STT_OBJECT, stt_tls: STT_TLS, stt_common: STT_COMMON, stt_notype: STT_NOTYPE,
};
def('.type', (as, rest) => {
  let args = splitArgs(rest);
  // GNU as also takes `.type name STT_FUNC` / `.type name @function` without the comma
  if (args.length === 1) args = rest.trim().split(/\s+/);
  if (args.length < 2) throw new AsmError('expected comma after name in .type');
  const s = as.symbols.ref(unq(args[0]));
  const t = args[1].replace(/^[@%"]/, '').replace(/"$/, '').toLowerCase();
  if (!(t in TYPE_NAMES)) throw new AsmError(`unrecognized symbol type "${t}"`);
  s.type = TYPE_NAMES[t];
  s.typeGiven = true;
  if (t === 'gnu_unique_object') s.bind = STB_GNU_UNIQUE;
  if (t === 'gnu_indirect_function' || t === 'gnu_unique_object') as.usesGnuOsabi = true;
});
def('.size', (as, rest) => {
  const args = splitArgs(rest);
  if (args.length < 2) throw new AsmError('expected comma after name in .size');
  const s = as.symbols.ref(unq(args[0]));
  s.size = as.parse(args[1]);
  s.sizeAt = { file: as.file, line: as.line };
});
def('.set .equ', (as, rest) => {
  const args = splitArgs(rest);
  if (args.length < 2) throw new AsmError('expected comma after name in .set');
  as.assign(unq(args[0]), args.slice(1).join(','), false);
});
def('.equiv', (as, rest) => {
  const args = splitArgs(rest);
  if (args.length < 2) throw new AsmError('expected comma after name in .equiv');
  as.assign(unq(args[0]), args.slice(1).join(','), true);
});
def('.weakref', (as, rest) => {
  const args = splitArgs(rest);
  if (args.length !== 2) throw new AsmError('expected comma after name in .weakref');
  const alias = as.symbols.ref(unq(args[0]));
  const target = as.symbols.ref(unq(args[1]));
  alias.weakrefTarget = target;
  target.isWeakrefTarget = true;
});
def('.comm', (as, rest) => {
  const args = splitArgs(rest);
  const s = as.symbols.ref(unq(args[0]));
  const size = as.absolute(args[1] ?? '');
  if (s.kind === SymKind.Label) throw new AsmError(`symbol \`${s.name}' is already defined`);
  let align = args[2] ? as.absolute(args[2]) : 0n;
  if (!args[2]) {
    align = 1n;
    while (align * 2n <= size && align < 16n) align *= 2n;
  }
  if (s.bind === BIND_LOCAL) {
    // A local common symbol is allocated in .bss (GNU as's ELF .comm after .local).
    lcomm(as, s, Number(size), Number(align));
    return;
  }
  s.kind = SymKind.Common;
  s.commonSize = s.commonSize > size ? s.commonSize : size;
  s.commonAlign = align;
  if (s.bind !== BIND_WEAK) s.bind = BIND_GLOBAL;
  s.used = true;
});
def('.lcomm', (as, rest) => {
  const args = splitArgs(rest);
  const s = as.symbols.ref(unq(args[0]));
  const size = Number(as.absolute(args[1] ?? ''));
  let align = args[2] ? Number(as.absolute(args[2])) : 1;
  if (!args[2]) while (align * 2 <= size && align < 16) align *= 2;
  lcomm(as, s, size, align);
});

function lcomm(as: Assembler, s: Sym, size: number, align: number): void {
  const bss = as.sections.find((x) => x.name === '.bss' && !x.group)!;
  const saved = { sec: as.cur, sub: as.sub };
  as.cur = bss;
  as.sub = 1; // bss_alloc: GNU as puts local commons in .bss subsection 1
  emitAlign(as, align, 0, 0, false);
  as.defineLabel(s.name);
  as.frag().append(new Uint8Array(size));
  if (!s.typeGiven) s.type = STT_OBJECT;
  if (!s.size) s.size = { k: E.Num, v: BigInt(size) };
  if (s.bind === 0) s.bind = BIND_LOCAL;
  as.cur = saved.sec;
  as.sub = saved.sub;
}

// ---- data --------------------------------------------------------------------------------------

function dataDirective(size: number): Directive {
  return (as, rest) => {
    for (const a of splitArgs(rest)) {
      if (!a) throw new AsmError('missing expression');
      // `value:count`? not GNU as on x86; strings in .byte are their bytes.
      if (size === 1 && a.startsWith('"')) {
        const b = stringArg(a);
        if (b) { as.emitBytes(b); continue; }
      }
      const e = as.parse(a);
      if (as.target.dataSpecPlaces?.()) placeSpecSymbols(as, e);
      as.emitExpr(e, size);
    }
  };
}

/** Symbols written with a relocation specifier take their place in the symbol table now. */
function placeSpecSymbols(as: Assembler, e: Expr): void {
  if (e.k === E.Sym) { if (e.spec) as.symbols.place(e.sym); }
  else if (e.k === E.Un) placeSpecSymbols(as, e.a);
  else if (e.k === E.Bin) { placeSpecSymbols(as, e.a); placeSpecSymbols(as, e.b); }
}
def('.byte', dataDirective(1));
def('.short .hword .value .2byte .word', dataDirective(2));
def('.long .int .4byte', dataDirective(4));
def('.quad .8byte', dataDirective(8));
def('.octa', (as, rest) => {
  for (const a of splitArgs(rest)) {
    const v = as.absolute(a);
    as.frag().pushInt(BigInt.asUintN(128, v), 16);
  }
});

def('.ascii .asciz .string .string8', (as, rest, name) => {
  const zero = name !== '.ascii';
  for (const a of splitArgs(rest)) {
    const b = stringArg(a);
    if (!b) throw new AsmError('expected string');
    as.emitBytes(b);
    if (zero) as.frag().push(0);
  }
});

function parseFloatText(t: string): number {
  let s = t.trim().toLowerCase();
  if (/^0[fdrsx]/.test(s) && !/^0x[0-9a-f]+$/.test(s)) s = s.slice(2);
  let neg = false;
  if (s.startsWith('-')) { neg = true; s = s.slice(1); } else if (s.startsWith('+')) s = s.slice(1);
  let v: number;
  if (s === 'inf' || s === 'infinity') v = Infinity;
  else if (s === 'nan') v = NaN;
  else {
    v = Number(s);
    if (Number.isNaN(v)) throw new AsmError(`bad floating literal: ${t.trim()}`);
  }
  return neg ? -v : v;
}
def('.float .single', (as, rest) => {
  const buf = new DataView(new ArrayBuffer(4));
  for (const a of splitArgs(rest)) {
    buf.setFloat32(0, parseFloatText(a), true);
    as.emitBytes(new Uint8Array(buf.buffer));
  }
});
def('.double', (as, rest) => {
  const buf = new DataView(new ArrayBuffer(8));
  for (const a of splitArgs(rest)) {
    buf.setFloat64(0, parseFloatText(a), true);
    as.emitBytes(new Uint8Array(buf.buffer));
  }
});

export function lebBytes(v: bigint, signed: boolean): number[] {
  const out: number[] = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    const done = signed ? (v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0) : v === 0n;
    out.push(done ? b : b | 0x80);
    if (done) return out;
  }
}
def('.uleb128 .sleb128', (as, rest, name) => {
  const signed = name === '.sleb128';
  for (const a of splitArgs(rest)) {
    const e = as.parse(a);
    const v = evaluate(e, false);
    if (v && isConstVal(v)) {
      as.emitBytes(lebBytes(signed ? v.num : BigInt.asUintN(64, v.num), signed));
    } else {
      as.varFrag(VarKind.Leb, (f) => { f.expr = e; f.signed = signed; f.file = as.file; f.line = as.line; });
    }
  }
});

function emitSpace(as: Assembler, countText: string, fill: number): void {
  const e = as.parse(countText);
  const v = evaluate(e, false);
  if (v && isConstVal(v)) {
    const n = Number(v.num);
    if (n < 0) throw new AsmError('.space, .nops or .fill with negative value, ignored');
    const f = as.frag();
    f.ensure(n);
    f.data.fill(fill & 0xff, f.len, f.len + n);
    f.len += n;
  } else {
    as.varFrag(VarKind.Space, (f) => { f.expr = e; f.fill = fill & 0xff; f.file = as.file; f.line = as.line; });
  }
}
def('.zero', (as, rest) => emitSpace(as, rest, 0));
def('.skip .space', (as, rest) => {
  const args = splitArgs(rest);
  emitSpace(as, args[0], args[1] ? Number(as.absolute(args[1])) : 0);
});
/** Larger sections are refused (a mistyped count must not exhaust memory). */
export const MAX_SECTION_SIZE = 1 << 30;

def('.fill', (as, rest) => {
  const args = splitArgs(rest);
  const size = args[1] ? Math.min(Number(as.absolute(args[1])), 8) : 1;
  const value = args[2] ? BigInt.asUintN(32, as.absolute(args[2])) : 0n;
  const e = as.parse(args[0]);
  const v = evaluate(e, false);
  if (!v || !isConstVal(v)) {
    // A count known only after layout (`.fill start + i*SIZE - ., 1, 0xcc`): like s_fill, a variable
    // part of count * size bytes repeating the size-byte pattern.
    if (size > 0) as.varFrag(VarKind.Space, (f) => { f.expr = e; f.fill = Number(value); f.state = size; f.file = as.file; f.line = as.line; });
    return;
  }
  const repeat = Number(v.num);
  if (repeat * size > MAX_SECTION_SIZE) throw new AsmError('.fill size too large');
  const f = as.frag();
  for (let i = 0; i < repeat; i++) f.pushInt(value, size);
});
def('.nops', (as, rest) => {
  const n = Number(as.absolute(splitArgs(rest)[0]));
  if (n > MAX_SECTION_SIZE) throw new AsmError('.nops size too large');
  as.emitBytes(as.target.nops(n));
});
def('.incbin', (as, rest) => {
  const args = splitArgs(rest);
  const name = stringArg(args[0]);
  if (!name) throw new AsmError('missing string');
  const path = String.fromCharCode(...name);
  const found = as.readInclude(path);
  if (!found) throw new AsmError(`file not found: ${path}`);
  let bytes = Uint8Array.from(found.text, (c) => c.charCodeAt(0));
  const skip = args[1] ? Number(as.absolute(args[1])) : 0;
  const count = args[2] ? Number(as.absolute(args[2])) : bytes.length - skip;
  bytes = bytes.subarray(skip, skip + count);
  as.emitBytes(bytes);
});
def('.org', (as, rest) => {
  const args = splitArgs(rest);
  const e = as.parse(args[0]);
  const fill = args[1] ? Number(as.absolute(args[1])) : 0;
  as.varFrag(VarKind.Org, (f) => { f.expr = e; f.fill = fill & 0xff; f.file = as.file; f.line = as.line; });
});

// ---- alignment ---------------------------------------------------------------------------------

export function emitAlign(as: Assembler, align: number, fill: number, max: number, codeFill: boolean, fillSize = 1): void {
  if (align <= 1) return;
  if (align > as.cur.alignment) as.cur.alignment = align;
  as.varFrag(VarKind.Align, (f) => {
    f.align = align;
    f.fill = fill;
    f.max = max;
    f.codeFill = codeFill;
    f.signed = fillSize > 1;
    f.state = fillSize;
  });
}

function alignDirective(kind: 'byte' | 'pow2', fillSize: number): Directive {
  return (as, rest) => {
    const args = rest.split(',').map((s) => s.trim());
    const a = args[0] ? Number(as.absolute(args[0])) : 0;
    const align = kind === 'pow2' ? 2 ** a : a;
    if (kind === 'byte' && align & (align - 1)) throw new AsmError('alignment not a power of 2');
    const fillGiven = args.length > 1 && args[1] !== '';
    const fill = fillGiven ? Number(as.absolute(args[1])) : 0;
    const max = args.length > 2 && args[2] !== '' ? Number(as.absolute(args[2])) : 0;
    // in code, no fill or a one-byte fill equal to the target's one-byte nop means nop padding (GNU as)
    const nopFill = !fillGiven || (fillSize === 1 && (fill & 0xff) === as.target.nops(1)[0]);
    emitAlign(as, align, fill, max, nopFill && as.cur.isCode, fillSize);
  };
}
def('.align .balign', alignDirective('byte', 1));
def('.balignw', alignDirective('byte', 2));
def('.balignl', alignDirective('byte', 4));
def('.p2align', alignDirective('pow2', 1));
def('.p2alignw', alignDirective('pow2', 2));
def('.p2alignl', alignDirective('pow2', 4));

// ---- conditionals, macros, repetition ----------------------------------------------------------

def('.if .ifne .ifeq .ifge .ifgt .ifle .iflt .ifb .ifnb .ifdef .ifndef .ifnotdef .ifc .ifnc .ifeqs .ifnes', dIf);
def('.elseif', (as, rest) => as.conds.elseif(as, rest));
def('.else', (as) => as.conds.else());
def('.endif', (as) => as.conds.endif());
def('.macro', dMacro);
def('.endm', () => { throw new AsmError('.endm without .macro'); });
def('.exitm', (as) => as.exitMacro());
def('.purgem', dPurgem);
def('.rept .rep', dRept);
def('.irp .irpc', dIrp);
def('.endr', () => { throw new AsmError('.endr without preceding .rept, .irc, or .irp'); });
def('.altmacro', (as) => { as.altmacro = true; });
def('.noaltmacro', (as) => { as.altmacro = false; });

// ---- files and messages ------------------------------------------------------------------------

def('.include', (as, rest) => {
  const b = stringArg(rest.trim());
  const name = b ? String.fromCharCode(...b) : rest.trim();
  const found = as.readInclude(name);
  if (!found) throw new AsmError(`can't open ${name} for reading: No such file or directory`);
  as.pushText(found.text, found.path);
});
def('.error', (as, rest) => {
  const b = stringArg(rest.trim());
  throw new AsmError(b ? String.fromCharCode(...b) : '.error directive invoked in source file');
});
def('.warning', (as, rest) => {
  const b = stringArg(rest.trim());
  as.warning(b ? String.fromCharCode(...b) : '.warning directive invoked in source file');
});
def('.err', () => { throw new AsmError('.err encountered'); });
def('.print', (as, rest) => {
  const b = stringArg(rest.trim());
  if (!b) throw new AsmError('expected string');
  as.opts.diag.print?.(String.fromCharCode(...b));
});
def('.end', (as) => { as.ended = true; });
// GNU as takes `.extern` and ignores it: an undefined symbol is external anyway
def('.extern', () => {});
def('.file', (as, rest) => {
  const args = rest.trim();
  if (!args.startsWith('"')) return as.lines.file(args); // `.file N ["dir"] "name"`: DWARF line table
  const b = stringArg(args);
  if (!b) throw new AsmError('expected string');
  const name = String.fromCharCode(...b);
  as.fileSymbols.push(name);
  as.setLogicalFile(name);
});
def('.ident', (as, rest) => {
  const b = stringArg(rest.trim());
  if (!b) throw new AsmError('expected string');
  if (!as.comment) {
    as.comment = as.getSection('.comment', SHT_PROGBITS, SHF_MERGE | SHF_STRINGS, 1);
    as.comment.frags = [];
    as.comment.tail(0).push(0);
  }
  const f = as.comment.tail(0);
  f.append(b);
  f.push(0);
});
// `.symver name, name2@[@[@]]node[, local|hidden|remove]`: a versioned alias (output.ts applies it).
def('.symver', (as, rest) => {
  const args = splitArgs(rest);
  if (args.length < 2 || !args[0]) throw new AsmError('expected comma after name in .symver');
  const sym = as.symbols.ref(unq(args[0]));
  const ver = args[1];
  const bad = /[\s,"]/.exec(ver);
  if (bad || !ver) throw new AsmError(`junk at end of line, first unrecognized character is \`${bad ? bad[0] : ','}'`);
  if (!ver.includes('@')) throw new AsmError(`missing version name in \`${ver}' for symbol \`${sym.name}'`);
  const vis = args.length > 2 ? args[2] : '';
  if (args.length > 3 || (vis && vis !== 'local' && vis !== 'hidden' && vis !== 'remove')) {
    throw new AsmError(`junk at end of line, first unrecognized character is \`,'`);
  }
  sym.used = true;
  as.symvers.push({ sym, name: ver, vis });
});
def('.loc', (as, rest) => as.lines.loc(rest));
def('.loc_mark_labels', (as, rest) => as.lines.markLabelsDirective(rest));
def('.gnu_attribute .lflags .version .addrsig .addrsig_sym', () => {});

export { E };
