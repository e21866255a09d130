// The assembled state -> elf/'s ObjectFile model (sections, symbols, relocations), in GNU as's order:
// group sections first, then sections in creation order; symbols: file symbols, then every symbol in
// creation order (section symbols only when a relocation uses them, .L names only when a relocation
// keeps them), then group signature symbols GNU as had to create. The writer puts locals first.

import {
  addSection, addSymbol, makeSection, makeSymbol, newObjectFile, ObjectFile, SEC_ABS, SEC_COMMON, SEC_UNDEF,
} from '../elf/object';
import type { Assembler } from './assembler';
import { E, evaluate } from './expr';
import { AsmError } from './error';
import { Section } from './sections';
import { BIND_GLOBAL, BIND_LOCAL, BIND_WEAK, Sym, SymKind } from './symbols';

const SHT_GROUP = 17, SHT_NOBITS = 8, SHF_GROUP = 0x200, GRP_COMDAT = 1;
const STB_LOCAL = 0, STB_GLOBAL = 1, STB_WEAK = 2, STB_GNU_UNIQUE = 10;
const STT_NOTYPE = 0, STT_OBJECT = 1, STT_SECTION = 3, STT_FILE = 4;
const STV_HIDDEN = 2;

export function buildObject(as: Assembler): ObjectFile {
  if (as.symvers.length) applySymvers(as);
  const t = as.target;
  const obj = newObjectFile(t.elfClass, t.machine, t.elfFlags);
  obj.rela = t.rela;
  if (as.usesGnuOsabi) obj.osabi = 3;

  // Sections: groups first.
  const groups = new Map<string, { secIndex: number; members: Section[]; comdat: boolean }>();
  for (const s of as.sections) {
    if (!s.group) continue;
    let g = groups.get(s.group);
    if (!g) {
      g = { secIndex: 0, members: [], comdat: s.comdat };
      groups.set(s.group, g);
      const gs = makeSection('.group', SHT_GROUP, 0, 4, new Uint8Array(0), 4);
      g.secIndex = addSection(obj, gs);
    }
    g.members.push(s);
  }
  for (const s of as.sections) {
    const flags = (s.flags | (s.group ? SHF_GROUP : 0)) >>> 0;
    const sec = makeSection(s.name, s.type, flags, s.alignment, s.type === SHT_NOBITS ? new Uint8Array(0) : s.bytes, s.entsize);
    if (s.type === SHT_NOBITS) sec.size = s.size;
    s.index = addSection(obj, sec);
  }

  // Symbols.
  for (const name of as.fileSymbols) addSymbol(obj, makeSymbol(name, STB_LOCAL, STT_FILE, SEC_ABS));
  const syms = as.symbols.all.filter(wanted).sort((a, b) => a.order - b.order);
  for (const s of syms) {
    s.outIndex = addSymbol(obj, outSymbol(as, s));
  }
  for (const [name, g] of groups) {
    let sig = as.symbols.get(name);
    if (!sig || !sig.outIndex) {
      sig = sig ?? as.symbols.ref(name);
      sig.outIndex = addSymbol(obj, makeSymbol(name, STB_LOCAL, STT_NOTYPE, g.secIndex));
    }
    obj.sections[g.secIndex].group = {
      flags: g.comdat ? GRP_COMDAT : 0, signature: sig.outIndex, members: g.members.map((m) => m.index),
    };
  }

  // Relocations.
  for (const s of as.sections) {
    const out = obj.sections[s.index];
    for (const r of s.relocs) {
      const rs = r.sym?.replacedBy ?? r.sym;
      const symbol = rs ? rs.outIndex : 0;
      if (r.sym && !symbol) throw new AsmError(`internal error: relocation against unwritten symbol ${r.sym.name}`);
      out.relocs.push({ offset: r.offset, type: r.type, symbol, addend: r.addend });
    }
  }
  return obj;
}

/**
 * .symver, as obj-elf.c applies it when the object is written: an undefined symbol takes the
 * versioned name (`@@@` reads `@`; `@@` is an error); a defined one with a single `@@@` version is
 * renamed to `name@@node`; otherwise each version (latest first) becomes a new symbol at the end of
 * the symbol order, an alias with the original's binding, type and size. `local`, `hidden` and `remove`
 * then change the original (a removed one's relocations name the versioned symbol).
 */
function applySymvers(as: Assembler): void {
  const bySym = new Map<Sym, { names: string[]; vis: string }>();
  for (const v of as.symvers) {
    let e = bySym.get(v.sym);
    if (!e) { e = { names: [], vis: '' }; bySym.set(v.sym, e); }
    if (!e.names.includes(v.name)) e.names.unshift(v.name);
    if (v.vis) e.vis = v.vis;
  }
  const fail = (msg: string) => { as.errors++; as.opts.diag.error(as.opts.fileName, 0, msg); };
  for (const s of [...bySym.keys()].sort((a, b) => a.order - b.order)) {
    const { names, vis } = bySym.get(s)!;
    if (s.kind === SymKind.Undefined) {
      if (names.length > 1) { fail(`multiple versions [\`${names.join("'|`")}'] for symbol \`${s.name}'`); continue; }
      const n = names[0];
      if (!n.includes('@@@') && n.includes('@@')) { fail(`invalid attempt to declare external version name as default in symbol \`${n}'`); continue; }
      s.name = n.replace('@@@', '@');
      continue;
    }
    if (names.length === 1 && names[0].includes('@@@')) { s.name = names[0].replace('@@@', '@@'); continue; }
    let first: Sym | null = null;
    for (const n of names) {
      const a = as.symbols.ref(n.replace('@@@', '@@'));
      a.kind = SymKind.Equ;
      a.expr = { k: E.Sym, sym: s, spec: '' };
      a.bind = s.bind;
      a.type = s.type;
      a.size = s.size;
      a.visibility = s.visibility;
      first ??= a;
    }
    if (vis === 'local') s.bind = BIND_LOCAL;
    else if (vis === 'hidden') s.visibility = STV_HIDDEN;
    else if (vis === 'remove') s.replacedBy = first;
  }
}

function wanted(s: Sym): boolean {
  if (s.replacedBy) return false;
  if (s.isSectionSym) return s.usedInReloc;
  if (s.weakrefTarget) return false;
  if (s.isLocalName) return s.usedInReloc;
  switch (s.kind) {
    case SymKind.Undefined:
      return s.used || s.usedInReloc || s.bind === BIND_GLOBAL || s.bind === BIND_WEAK || s.isWeakrefTarget;
    case SymKind.Equ:
      return !equatedToUndefined(s);
    default:
      return true;
  }
}

/** write.c drops a symbol equated to an undefined or common `sym + k` (symbol_equated_reloc_p), even
 *  a global one: relocations name `sym` instead. A register equate (`.set r, %rdi`) is not written either. */
function equatedToUndefined(s: Sym): boolean {
  let v = null;
  try {
    v = evaluate(s.expr!, true);
  } catch {
    return false;
  }
  return !!v && !!v.add && !v.sub && (v.add.kind === SymKind.Undefined || v.add.kind === SymKind.Common || v.add.kind === SymKind.Register);
}

function binding(s: Sym, defined: boolean): number {
  if (s.bind === BIND_WEAK) return STB_WEAK;
  if (s.bind === STB_GNU_UNIQUE) return STB_GNU_UNIQUE;
  if (s.bind === BIND_GLOBAL) return STB_GLOBAL;
  if (!defined) return s.isWeakrefTarget ? STB_WEAK : STB_GLOBAL;
  return STB_LOCAL;
}

function outSymbol(as: Assembler, s: Sym) {
  const size = s.size ? sizeOf(as, s) : 0n;
  if (s.isSectionSym) return makeSymbol('', STB_LOCAL, STT_SECTION, s.section!.index);
  switch (s.kind) {
    case SymKind.Label:
      return makeSymbol(s.name, binding(s, true), s.type, s.section!.index, BigInt(s.frag!.address + s.off), size, s.visibility);
    case SymKind.Common:
      return makeSymbol(s.name, binding(s, true), s.typeGiven ? s.type : STT_OBJECT, SEC_COMMON, s.commonAlign, s.commonSize, s.visibility);
    case SymKind.Equ: {
      let v = null;
      try {
        v = evaluate(s.expr!, true);
      } catch {
        v = null;
      }
      if (v && !v.add && !v.sub) return makeSymbol(s.name, binding(s, true), s.type, SEC_ABS, BigInt.asUintN(64, v.num), size, s.visibility);
      if (v && v.add && !v.sub && v.add.kind === SymKind.Label) {
        const a = v.add;
        // elf_copy_symbol_attributes: an alias takes the type and size of its target.
        const sz = s.size ? size : a.size ? sizeOf(as, a) : 0n;
        return makeSymbol(s.name, binding(s, true), s.type || a.type, a.section!.index, BigInt(a.frag!.address + a.off) + v.num, sz, s.visibility);
      }
      return makeSymbol(s.name, binding(s, false), s.type, SEC_UNDEF, 0n, size, s.visibility);
    }
    default:
      return makeSymbol(s.name, binding(s, false), s.type, SEC_UNDEF, 0n, size, s.visibility);
  }
}

function sizeOf(as: Assembler, s: Sym): bigint {
  try {
    const v = evaluate(s.size!, true);
    if (v && !v.add && !v.sub) return BigInt.asUintN(64, v.num);
  } catch {
    // fall through
  }
  as.errors++;
  as.opts.diag.error(s.sizeAt?.file ?? as.opts.fileName, s.sizeAt?.line ?? 0, `.size expression for ${s.name} does not evaluate to a constant`);
  return 0n;
}
