/**
 * Symbol resolution: which definition of each global name wins.
 *
 * Rules (as GNU ld applies them to static links):
 * - a strong definition beats weak definitions, commons, lazy archive entries and undefined refs;
 *   two strong definitions are an error ("multiple definition of `x'");
 * - a common symbol beats a weak definition; two commons merge (largest size, largest alignment);
 *   a strong definition replaces a common;
 * - visibility merges to the most constraining non-default value;
 * - an undefined weak reference does not pull members out of archives and resolves to 0.
 * Symbols defined in discarded COMDAT sections never take part.
 */
import { STB_GLOBAL, STB_LOCAL, STB_WEAK, STT_SECTION, STT_TLS } from '../elf/constants';
import type { ObjSymbol } from '../elf/object';
import { LinkContext, ObjectInput, Sym, SymKind } from './context';
import { mergedLocation } from './merge';
import { LinkError } from './error';

/** The global symbol for a name, created undefined when new. */
export function symbolFor(ctx: LinkContext, name: string): Sym {
  let s = ctx.symbols.get(name);
  if (!s) { s = new Sym(name); ctx.symbols.set(name, s); ctx.symbolList.push(s); }
  return s;
}

function mergeVisibility(s: Sym, other: number): void {
  const v = other & 3;
  if (v === 0) return;
  if (s.visibility === 0 || v < s.visibility) s.visibility = v;
}

/** Add one symbol of an object: locals get their own Sym, globals are resolved into the table. */
export function addObjectSymbol(ctx: LinkContext, file: ObjectInput, es: ObjSymbol): Sym {
  if (es.binding === STB_LOCAL) {
    const s = new Sym(es.name);
    s.isLocal = true;
    s.binding = STB_LOCAL;
    s.type = es.type;
    s.visibility = es.other & 3;
    s.size = es.size;
    s.file = file;
    s.value = es.value;
    defineFrom(s, file, es);
    return s;
  }
  const s = symbolFor(ctx, es.name);
  mergeVisibility(s, es.other);
  if (es.section === 0) {
    addUndefined(ctx, s, es.binding === STB_WEAK, file);
    if (s.kind === SymKind.Undefined && es.type !== 0 && s.type === 0) s.type = es.type;
    return s;
  }
  const sec = es.section > 0 ? file.sections[es.section] : null;
  if (sec && sec.discarded) {
    // defined in a discarded COMDAT copy: acts as a reference to the kept one
    addUndefined(ctx, s, es.binding === STB_WEAK, file);
    return s;
  }
  if (es.section === -0xfff2 || es.section === -0xff02) { addCommon(ctx, s, file, es); return s; }
  addDefinition(ctx, s, file, es);
  return s;
}

function defineFrom(s: Sym, file: ObjectInput, es: ObjSymbol): void {
  if (es.section > 0) {
    s.kind = SymKind.Defined;
    s.section = file.sections[es.section] ?? null;
    s.absolute = false;
  } else if (es.section === -0xfff1) {
    s.kind = SymKind.Defined;
    s.section = null;
    s.absolute = true;
  } else if (es.section === 0) {
    s.kind = SymKind.Undefined;
  } else {
    s.kind = SymKind.Common;
  }
}

function addUndefined(ctx: LinkContext, s: Sym, weak: boolean, file: ObjectInput): void {
  s.referenced = true;
  if (!weak) s.strongRef = true;
  if (s.kind === SymKind.Undefined && !s.file) s.file = file;
  if (s.kind === SymKind.Undefined && s.binding !== STB_WEAK) s.binding = weak && !s.strongRef ? STB_WEAK : STB_GLOBAL;
  if (s.kind === SymKind.Undefined && !weak) s.binding = STB_GLOBAL;
  void ctx;
}

function setDefined(s: Sym, file: ObjectInput, es: ObjSymbol): void {
  s.binding = es.binding;
  s.type = es.type;
  s.size = es.size;
  s.value = es.value;
  s.file = file;
  s.scriptDefined = false;
  defineFrom(s, file, es);
}

function addDefinition(ctx: LinkContext, s: Sym, file: ObjectInput, es: ObjSymbol): void {
  const weak = es.binding === STB_WEAK;
  switch (s.kind) {
    case SymKind.Undefined:
      setDefined(s, file, es);
      return;
    case SymKind.Common:
      if (!weak) setDefined(s, file, es);
      return;
    case SymKind.Defined:
      if (s.scriptDefined) { setDefined(s, file, es); return; }
      if (s.binding === STB_WEAK && !weak) { setDefined(s, file, es); return; }
      if (s.binding !== STB_WEAK && !weak) {
        const where = es.section > 0 ? file.sections[es.section] : null;
        ctx.errors.push(`${file.display}:(${where ? where.name : '*ABS*'}+0x${es.value.toString(16)}): multiple definition of \`${s.name}'; ${s.file ? s.file.display : '?'}:(${s.section ? s.section.name : '*ABS*'}+0x${s.value.toString(16)}): first defined here`);
      }
  }
}

function addCommon(ctx: LinkContext, s: Sym, file: ObjectInput, es: ObjSymbol): void {
  void ctx;
  if (s.kind === SymKind.Defined && !(s.binding === STB_WEAK)) return;
  if (s.kind === SymKind.Common) {
    if (es.size > s.size) { s.size = es.size; s.file = file; }
    if (es.value > s.value) s.value = es.value;
    return;
  }
  s.kind = SymKind.Common;
  s.binding = STB_GLOBAL;
  s.type = es.type;
  s.size = es.size;
  s.value = es.value; // alignment
  s.file = file;
  s.section = null;
}

/** Address of a symbol after layout (0 for undefined weak symbols and discarded sections). */
export function symbolAddress(s: Sym): bigint {
  if (s.kind !== SymKind.Defined) return 0n;
  if (s.section) {
    const sec = s.section;
    if (!sec.out || sec.discarded) return 0n;
    if (sec.merge && s.type !== STT_SECTION) {
      // a symbol in a merged section moves with its piece
      const m = s.mergeLoc ??= mergedLocation(sec, Number(s.value));
      return m.sec.out ? m.sec.out.addr + BigInt(m.sec.offset + m.off) : 0n;
    }
    return sec.out.addr + BigInt(sec.offset) + s.value;
  }
  return s.value;
}

const SAFE = 2 ** 53;

/**
 * symbolAddress as a double, or NaN when that would not be exact (at or above 2^53) or needs the
 * merge map: the relocation fast path's S.
 */
export function symbolAddressNum(s: Sym): number {
  if (s.kind !== SymKind.Defined) return 0;
  const sec = s.section;
  if (sec) {
    const out = sec.out;
    if (!out || sec.discarded) return 0;
    if (sec.merge) {
      if (s.type === STT_SECTION) return NaN;
      const m = s.mergeLoc ??= mergedLocation(sec, Number(s.value));
      const v = m.sec.out ? Number(m.sec.out.addr) + m.sec.offset + m.off : 0;
      return v < SAFE ? v : NaN;
    }
    const v = Number(out.addr) + sec.offset + Number(s.value);
    return v < SAFE ? v : NaN;
  }
  const v = Number(s.value);
  return v < SAFE ? v : NaN;
}

/** Define a linker-made symbol (absolute or relative to an output section later) if it is referenced. */
export function defineLinkerSymbol(ctx: LinkContext, name: string, value: bigint, hidden = true): Sym {
  const s = symbolFor(ctx, name);
  if (s.kind === SymKind.Defined && !s.scriptDefined) return s;
  s.kind = SymKind.Defined;
  s.scriptDefined = true;
  s.absolute = true;
  s.value = value;
  s.section = null;
  s.binding = STB_GLOBAL;
  if (hidden) s.visibility = 2;
  return s;
}

export function isTls(s: Sym): boolean { return s.type === STT_TLS; }

export function checkMachine(file: string, fileMachine: number, want: number, wantName: string): void {
  if (fileMachine !== want) {
    const n = fileMachine === 3 ? 'i386' : fileMachine === 62 ? 'i386:x86-64' : fileMachine === 183 ? 'aarch64' : fileMachine === 243 ? 'riscv' : `machine ${fileMachine}`;
    throw new LinkError(`${n} architecture of input file \`${file}' is incompatible with ${wantName} output`);
  }
}

export { STB_GLOBAL, STB_WEAK };
