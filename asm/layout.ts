// Layout: fragment addresses, relaxation to a fixed point, and fixup resolution.
//
// Relaxation follows GNU as's write.c (relax_segment, relax_frag), because where it stops is part of
// the output: every relaxable branch starts in its shortest form; each section is relaxed in passes
// that carry the growth so far ("stretch"), a forward branch guesses that its target moved by the
// same stretch unless an alignment or .org lies between them, and branches only grow; sections are
// relaxed again until no fragment moves. A branch whose target is in another section, undefined,
// weak, or written with a relocation specifier takes its longest form at once and keeps its relocation.
//
// After layout every fixup is evaluated: what is known becomes bytes, the rest becomes a Reloc.
// A reference to a local symbol becomes "section symbol + offset" unless the target says otherwise
// (GNU as's adjust_reloc_syms and tc_fix_adjustable).

import type { Assembler } from './assembler';
import { AsmError } from './error';
import { E, evaluate, Expr, Val } from './expr';
import { lebBytes, MAX_SECTION_SIZE } from './directives';
import { Fixup, Frag, Section, VarKind } from './sections';
import { BIND_GLOBAL, BIND_WEAK, Sym, SymKind } from './symbols';
import type { RelocChoice, RelocQuery, TargetFixup } from './target';

const MAX_PASSES = 200;
const STT_TLS = 6;

/**
 * Assign addresses and relax branches (can be run again after adding sections). As write.c does it:
 * every section is relaxed in turn, again and again until no fragment moves; see relaxSection.
 */
export function relax(as: Assembler): void {
  for (const sec of as.sections) sec.frags = sec.orderedFrags();
  for (const sec of as.sections) {
    const frags = sec.frags;
    for (let i = 0; i < frags.length; i++) { const f = frags[i]; if (f.varKind === VarKind.Relax && !f.varBytes) initRelax(as, f); }
  }
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moved = false;
    for (const sec of as.sections) if (relaxSection(as, sec, pass)) moved = true;
    if (!moved) break;
  }
}

/**
 * GNU as makes a full symbol of a `.L` branch target while relaxing (after the DWARF sections'
 * symbols of dwarf2_finish, before the relocations' symbols): it enters the symbol order then, in
 * section and fragment order (it shows when a relocation keeps it, e.g. an i386 jump table's @GOTOFF).
 */
export function placeBranchTargets(as: Assembler): void {
  for (const sec of as.sections) {
    const frags = sec.frags;
    for (let i = 0; i < frags.length; i++) {
      const f = frags[i];
      if (f.varKind !== VarKind.Relax) continue;
      const name = f.forms![0].fixup.sym;
      const s = name ? as.symbols.get(name) : undefined;
      if (s) as.symbols.place(s);
    }
  }
}

/**
 * One relax_segment: a first guess of every fragment's address (branches at their current form,
 * .space and .org empty, LEB128 one byte), then passes over the fragments until none grows. A pass
 * carries `stretch`, the growth so far: each fragment moves by it, and a forward branch adds it to its
 * target's old address when no alignment or .org lies between them (one that does may absorb it).
 * Branches only grow. Returns whether any fragment ended at a new address.
 */
function relaxSection(as: Assembler, sec: Section, pass: number): boolean {
  const frags = sec.frags;
  let again = false;
  let addr = 0;
  let region = 0;
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i];
    f.region = region;
    f.marker = false;
    f.address = addr;
    addr += f.len;
    switch (f.varKind) {
      case VarKind.Align: f.varSize = alignPad(f, addr); region++; break;
      case VarKind.Org: f.varSize = 0; region++; break;
      case VarKind.Relax:
        if (!f.early && !f.branchLabel && !branchTarget(as, f)) toLongForm(f);
        f.varSize = f.forms![f.state].bytes.length;
        break;
      case VarKind.Leb: f.varSize = 1; break;
      default: f.varSize = 0;
    }
    addr += f.varSize;
  }
  for (let n = 0; n <= frags.length + MAX_PASSES; n++) {
    let stretch = 0;
    let stretched = false;
    for (let i = 0; i < frags.length; i++) {
      const f = frags[i];
      f.marker = !f.marker;
      f.address += stretch;
      let size = f.varSize;
      switch (f.varKind) {
        case VarKind.Align: size = alignPad(f, f.address + f.len); break;
        case VarKind.Relax: size = relaxBranch(as, f, stretch); break;
        case VarKind.Org: {
          const target = orgTarget(as, f);
          if (target !== null && target >= f.address + f.len) size = target - f.address - f.len;
          else if (pass < 2) again = true; // maybe not known yet; errors come with the final layout
          break;
        }
        case VarKind.Space: {
          const v = tryValue(f.expr!, false);
          if (v && !v.add && !v.sub && v.num >= 0n) size = Number(v.num) * (f.state || 1);
          else if (pass < 2) again = true;
          break;
        }
        case VarKind.Leb: {
          const v = tryValue(f.expr!, false);
          if (v && !v.add && !v.sub) size = lebBytes(f.signed ? v.num : BigInt.asUintN(64, v.num), f.signed).length;
          break;
        }
      }
      if (size !== f.varSize) {
        stretch += size - f.varSize;
        f.varSize = size;
        stretched = true;
      }
    }
    if (!stretched) break;
  }
  let moved = again;
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i];
    if (f.lastAddress !== f.address) moved = true;
    f.lastAddress = f.address;
  }
  return moved;
}

/** Final addresses, section bytes and fixup resolution. */
export function finalise(as: Assembler): void {
  for (const sec of as.sections) {
    assignAddresses(as, sec, true);
    // GNU as pads a mergeable section to a whole number of entries (with zeros).
    if (sec.flags & 0x10 && sec.entsize > 1) sec.size = Math.ceil(sec.size / sec.entsize) * sec.entsize;
    materialise(as, sec);
  }
}

/** Value of a target fixup's expression: symbol (with specifier) + addend. */
export function tfixExpr(as: Assembler, t: TargetFixup): Expr {
  const num: Expr = { k: E.Num, v: t.addend };
  if (!t.sym) return num;
  const sym = as.symbols.ref(t.sym);
  return { k: E.Bin, op: '+', a: { k: E.Sym, sym, spec: t.spec }, b: num };
}

/** evaluate(tfixExpr(as, t), true) without building the expression when the symbol is plain (no
 *  equate or weakref, whose values need the evaluator). */
function tfixValue(as: Assembler, t: TargetFixup): Val {
  if (t.sym) {
    const sym = as.symbols.ref(t.sym);
    if (sym.kind !== SymKind.Equ && !sym.weakrefTarget) return { num: BigInt.asIntN(64, t.addend), add: sym, sub: null, spec: t.spec };
  }
  return evaluate(tfixExpr(as, t), true)!;
}

function alignPad(f: Frag, at: number): number {
  const pad = (f.align - (at % f.align)) % f.align;
  return f.max && pad > f.max ? 0 : pad;
}

/** The section offset a .org asks for, if known. */
function orgTarget(as: Assembler, f: Frag): number | null {
  const v = tryValue(f.expr!, false);
  if (!v || v.sub) return null;
  if (!v.add) return Number(v.num);
  if (v.add.kind === SymKind.Label && v.add.section === f.section) return v.add.frag!.address + v.add.off + Number(v.num);
  return null;
}

function initRelax(as: Assembler, f: Frag): void {
  const forms = f.forms!;
  f.varBytes = forms[0].bytes; // marks the fragment as initialised
  const fix = forms[0].fixup;
  if (fix.spec || !fix.sym) { toLongForm(f); return; }
  const s = resolveAlias(as.symbols.ref(fix.sym));
  // Undefined or other-section targets are decided in relaxSection once symbols are known.
  if (s.bind === BIND_WEAK) { toLongForm(f); return; }
  const lab = as.symbols.get(fix.sym)!;
  if (lab.kind === SymKind.Label && !lab.weakrefTarget && lab.section === f.section && !lab.isWeakrefTarget) {
    f.branchLabel = lab;
    // pc-relative addends include -(distance from the field to the end of the instruction)
    f.branchAdd = Number(BigInt.asIntN(64, fix.addend)) + forms[0].bytes.length - fix.offset;
  }
}

/** A branch whose target is not a label of its own section keeps a relocation in its long form. */
function toLongForm(f: Frag): void {
  f.state = f.forms!.length - 1;
  f.early = true;
}

function resolveAlias(s: Sym): Sym {
  return s.weakrefTarget ?? s;
}

/** A relaxable branch's target: the label (of the branch's section) and the address it aims at, or
 *  null when the branch must keep a relocation (undefined, weak, other section, specifier). */
function branchTarget(as: Assembler, f: Frag): { label: Sym; addr: number } | null {
  const known = f.branchLabel;
  if (known) return { label: known, addr: known.frag!.address + known.off + f.branchAdd };
  const form = f.forms![0];
  const fx = form.fixup;
  // pc-relative addends include -(distance from the field to the end of the instruction)
  const bias = form.bytes.length - fx.offset;
  // The common case, a branch to a label: no expression to build and evaluate.
  const lab = fx.sym && !fx.spec ? as.symbols.get(fx.sym) : undefined;
  if (lab && lab.kind === SymKind.Label && !lab.weakrefTarget) {
    if (lab.section !== f.section || lab.bind === BIND_WEAK || lab.isWeakrefTarget) return null;
    return { label: lab, addr: lab.frag!.address + lab.off + Number(BigInt.asIntN(64, fx.addend)) + bias };
  }
  let v: Val | null = null;
  try {
    v = evaluate(tfixExpr(as, fx), true);
  } catch {
    v = null;
  }
  if (!v || !v.add || v.sub || v.spec || v.add.kind !== SymKind.Label || v.add.section !== f.section
      || v.add.bind === BIND_WEAK || v.add.isWeakrefTarget || v.add.weakrefTarget) return null;
  return { label: v.add, addr: v.add.frag!.address + v.add.off + Number(v.num) + bias };
}

/** relax_frag: the size of the branch's form after this pass (the smallest, from the current one up,
 *  whose displacement fits). */
function relaxBranch(as: Assembler, f: Frag, stretch: number): number {
  const forms = f.forms!;
  if (f.state === forms.length - 1) return f.varSize;
  let target: number, symFrag: Frag;
  const known = f.branchLabel;
  if (known) {
    // the common case, without building the answer of branchTarget
    symFrag = known.frag!;
    target = symFrag.address + known.off + f.branchAdd;
  } else {
    const t = branchTarget(as, f);
    if (!t) {
      toLongForm(f);
      return forms[f.state].bytes.length;
    }
    target = t.addr;
    symFrag = t.label.frag!;
  }
  if (stretch !== 0 && symFrag.marker !== f.marker) {
    // The target lies ahead and has not moved yet in this pass.
    if (stretch < 0 || symFrag.region === f.region) target += stretch;
    else if (target < f.address + f.len + forms[0].fixup.offset) return f.varSize;
  }
  while (f.state < forms.length - 1) {
    const form = forms[f.state];
    const disp = target - (f.address + f.len + form.bytes.length);
    if (disp >= form.min && disp <= form.max) break;
    f.state++;
  }
  return forms[f.state].bytes.length;
}

function tryValue(e: Expr, final: boolean): Val | null {
  try {
    return evaluate(e, true);
  } catch (err) {
    if (final) throw err;
    return null;
  }
}

function assignAddresses(as: Assembler, sec: Section, final: boolean): void {
  let addr = 0;
  const frags = sec.frags;
  for (let k = 0; k < frags.length; k++) {
    const f = frags[k];
    f.address = addr;
    const end = addr + f.len;
    switch (f.varKind) {
      case VarKind.None: f.varSize = 0; break;
      case VarKind.Align: {
        let pad = (f.align - (end % f.align)) % f.align;
        if (f.max && pad > f.max) pad = 0;
        f.varSize = pad;
        break;
      }
      case VarKind.Relax: f.varSize = f.forms![f.state].bytes.length; break;
      case VarKind.Org: {
        const v = located(as, f, () => tryValue(f.expr!, final));
        let target = end;
        if (v) {
          if (v.add && v.add.kind === SymKind.Label && v.add.section === sec && !v.sub) target = v.add.frag!.address + v.add.off + Number(v.num);
          else if (!v.add && !v.sub) target = Number(v.num);
          else if (final) report(as, f, "can't resolve .org expression");
        }
        if (target < end) {
          if (final) report(as, f, 'attempt to move .org backwards');
          f.varSize = 0;
        } else f.varSize = target - end;
        break;
      }
      case VarKind.Leb: {
        const v = located(as, f, () => tryValue(f.expr!, final));
        if (v && !v.add && !v.sub) f.varBytes = Uint8Array.from(lebBytes(f.signed ? v.num : BigInt.asUintN(64, v.num), f.signed));
        else {
          if (final) report(as, f, 'expression in .uleb128/.sleb128 is not absolute');
          f.varBytes = new Uint8Array(1);
        }
        f.varSize = f.varBytes.length;
        break;
      }
      case VarKind.Space: {
        const v = located(as, f, () => tryValue(f.expr!, final));
        if (v && !v.add && !v.sub && v.num >= 0n) f.varSize = Number(v.num) * (f.state || 1);
        else {
          if (final) report(as, f, '.space specifies non-absolute value');
          f.varSize = 0;
        }
        break;
      }
    }
    if (end + f.varSize > MAX_SECTION_SIZE) {
      if (final) report(as, f, `section ${sec.name} too large`);
      f.varSize = 0;
    }
    addr = end + f.varSize;
  }
  sec.size = addr;
}

function located<T>(as: Assembler, f: Frag, fn: () => T): T | null {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AsmError) {
      report(as, f, e.message);
      return null;
    }
    throw e;
  }
}

function report(as: Assembler, f: Frag, msg: string): void {
  as.errors++;
  as.opts.diag.error(f.file, f.line, msg);
}

/** Build the section's bytes from its fragments and resolve its fixups. */
function materialise(as: Assembler, sec: Section): void {
  const nobits = sec.type === 8;
  const out = new Uint8Array(nobits ? 0 : sec.size);
  const frags = sec.frags;
  for (let k = 0; k < frags.length && !nobits; k++) {
    const f = frags[k];
    const len = f.len, data = f.data;
    if (len <= 32) { for (let j = 0, a = f.address; j < len; j++) out[a + j] = data[j]; } // no view for short fragments
    else out.set(data.subarray(0, len), f.address);
    const at = f.address + f.len;
    switch (f.varKind) {
      case VarKind.Align:
        if (f.codeFill) out.set(as.target.nops(f.varSize), at);
        else fillPattern(out, at, f.varSize, f.fill, f.state || 1);
        break;
      case VarKind.Org: out.fill(f.fill, at, at + f.varSize); break;
      case VarKind.Space: fillPattern(out, at, f.varSize, f.fill, f.state || 1); break;
      case VarKind.Relax: out.set(f.forms![f.state].bytes, at); break;
      case VarKind.Leb: out.set(f.varBytes!, at); break;
    }
  }
  sec.bytes = out;
  // GNU as's fixup order: parse-time fixups, then branches sent long before relaxation, then the
  // branches relaxation converted.
  const parse: Fixup[] = [], early: Fixup[] = [], late: Fixup[] = [];
  const all = sec.fixups;
  for (let k = 0; k < all.length; k++) {
    const fx = all[k];
    (!fx.inVar ? parse : fx.frag.early ? early : late).push(fx);
  }
  const ordered = early.length || late.length ? parse.concat(early, late) : parse;
  for (let k = 0; k < ordered.length; k++) {
    const fx = ordered[k];
    if (fx.inVar && fx.frag.forms) {
      fx.tfix = fx.frag.forms[fx.frag.state].fixup;
      fx.size = fx.tfix.size;
      fx.offset = fx.tfix.offset;
    }
    try {
      resolveFixup(as, sec, fx);
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
      as.errors++;
      as.opts.diag.error(fx.file, fx.line, e.message);
    }
  }
}

/** A reference to a local symbol of a mergeable section keeps the symbol when its addend is not zero
 *  (adjust_reloc_syms); the target may say what counts (pc-relative bias, specifiers). */
function keepInMerge(as: Assembler, fix: TargetFixup): boolean {
  if (as.target.keepInMerge) return as.target.keepInMerge(fix);
  return fix.pcrel || fix.addend !== 0n;
}

/** The target's relocation choice; its own error class (an impossible relocation) becomes an AsmError. */
function targetReloc(as: Assembler, q: RelocQuery): RelocChoice {
  try {
    return as.target.reloc(q);
  } catch (e) {
    if (e instanceof Error && !(e instanceof AsmError) && !(e instanceof TypeError) && !(e instanceof RangeError)) throw new AsmError(e.message);
    throw e;
  }
}

function fillPattern(out: Uint8Array, at: number, n: number, fill: number, size: number): void {
  for (let i = 0; i < n; i++) {
    const k = i % size;
    out[at + i] = k < 4 ? (fill >>> (8 * k)) & 0xff : 0;
  }
}

const SAFE = 2n ** 53n;

function writeInt(out: Uint8Array, at: number, v: bigint, size: number): void {
  if (out.length === 0) return; // NOBITS
  if (v > -SAFE && v < SAFE) {
    // the common case in numbers: the low and high 32 bits of the two's complement
    const n = Number(v);
    const lo = n >>> 0, hi = Math.floor(n / 4294967296) >>> 0;
    for (let i = 0; i < size && i < 4; i++) out[at + i] = (lo >>> (8 * i)) & 0xff;
    for (let i = 4; i < size; i++) out[at + i] = (hi >>> (8 * (i - 4))) & 0xff;
    return;
  }
  for (let i = 0; i < size; i++) {
    out[at + i] = Number(v & 0xffn);
    v >>= 8n;
  }
}

/** Field ranges by size (1, 2, 4 bytes) and check (1 signed, 2 unsigned, 3 either). */
const RANGE_LO: bigint[][] = [], RANGE_HI: bigint[][] = [];
for (const size of [1, 2, 4]) {
  const bits = BigInt(size * 8);
  RANGE_LO[size] = [0n, -(1n << (bits - 1n)), 0n, -(1n << (bits - 1n))];
  RANGE_HI[size] = [0n, (1n << (bits - 1n)) - 1n, (1n << bits) - 1n, (1n << bits) - 1n];
}

function checkRange(v: bigint, size: number, check: number, place: number): void {
  if (size >= 8 || check === 0) return;
  const lo = RANGE_LO[size]?.[check] ?? (check === 2 ? 0n : -(1n << BigInt(size * 8 - 1)));
  const hi = RANGE_HI[size]?.[check] ?? (check === 1 ? (1n << BigInt(size * 8 - 1)) - 1n : (1n << BigInt(size * 8)) - 1n);
  if (v < lo || v > hi) {
    throw new AsmError(`value of ${v} too large for field of ${size} byte${size > 1 ? 's' : ''} at 0x${place.toString(16)}`);
  }
}

function addrOf(s: Sym): number {
  return s.frag === null ? 0 : s.frag.address + s.off; // (a section symbol: the section's start)
}

function resolveFixup(as: Assembler, sec: Section, fx: Fixup): void {
  const place = fx.frag.address + (fx.inVar ? fx.frag.len : 0) + fx.offset;
  const v = fx.expr ? evaluate(fx.expr, true)! : tfixValue(as, fx.tfix!);
  let tfix = fx.tfix;
  let pcrel = fx.pcrel;
  let num = v.num;
  let add = v.add ? resolveAlias(v.add) : null;
  const sub = v.sub;
  if (add?.kind === SymKind.Register || sub?.kind === SymKind.Register) throw new AsmError('register value used as expression');
  if (sub) {
    // sym - sub with sub in this section: a pc-relative value.
    if (sub.kind !== SymKind.Label || sub.section !== sec || pcrel) {
      const where = (s: Sym) => (s.kind === SymKind.Label ? s.section!.name : '*UND*');
      throw new AsmError(`can't resolve \`${add ? add.name : '0'}' {${add ? where(add) : '*ABS*'} section} - \`${sub.name}' {${where(sub)} section}`);
    }
    num += BigInt(place - addrOf(sub));
    pcrel = true;
    if (!add) throw new AsmError(`can't resolve \`0' {*ABS* section} - \`${sub.name}' {${sec.name} section}`);
  }
  const spec = v.spec;
  if (!add && !spec && !(pcrel && tfix)) {
    checkRange(num, fx.size, fx.check, place);
    writeInt(sec.bytes, place, num, fx.size);
    return;
  }
  const dataPcrel = !tfix && pcrel;
  if (!tfix) tfix = as.target.dataFixup(fx.size, pcrel, spec);
  const bind = v.alias ? v.alias.bind : add ? add.bind : 0;
  const specOk = !spec || !!as.target.adjustableSpecs?.has(spec);
  if (add && add.kind === SymKind.Label && add.section === sec && pcrel && specOk && bind !== BIND_WEAK
      && (bind !== BIND_GLOBAL || dataPcrel || fx.inVar || !as.target.forceRelocGlobal(tfix))) {
    const value = BigInt(addrOf(add)) + num - BigInt(place);
    checkRange(value, fx.size, fx.check || 1, place);
    writeInt(sec.bytes, place, value, fx.size);
    return;
  }
  // The symbol the fixup names: an equate of a label (`.set .LC3, .LC2+8`, a global alias) is a
  // symbol of its own at the label's address plus `off`.
  const named = v.alias ?? add;
  const off = v.alias ? v.aliasOff ?? 0n : 0n;
  const local = !!add && add.kind === SymKind.Label && bind !== BIND_GLOBAL && bind !== BIND_WEAK
    && bind !== 10 && !add.isSectionSym;
  const merge = !!add && !!add.section && (add.section.flags & 0x10) !== 0;
  const q = { ...tfix, pcrel, spec, addend: num - off, sym: named ? named.name : '' };
  let choice = targetReloc(as, { fix: q, local, merge, viaSection: false });
  let relSym: Sym | null = named;
  let addend = num - off;
  if (add && add.isSectionSym) {
    add.usedInReloc = true;
  } else if (local && !choice.keepSymbol && !(merge && keepInMerge(as, { ...q, addend }))
      // adjust_reloc_syms keeps named (not .L) symbols of another section that is a comdat group.
      && !(add!.section!.group && add!.section!.comdat && add!.section !== sec && !named!.isLocalName)) {
    relSym = add!.section!.sym!;
    addend = num + BigInt(addrOf(add!));
    relSym.usedInReloc = true;
    choice = targetReloc(as, { fix: { ...q, addend: num }, local, merge, viaSection: true });
  } else if (named) {
    named.usedInReloc = true;
    named.used = true;
    as.symbols.place(named);
  }
  // A TLS relocation makes its symbol thread-local (S_SET_THREAD_LOCAL).
  if (named && spec && as.target.tlsSpecs?.has(spec) && named.type === 0) named.type = STT_TLS;
  if (!as.target.rela) writeInt(sec.bytes, place, addend, fx.size);
  sec.relocs.push({ offset: place, type: choice.type, sym: relSym, addend: as.target.rela ? addend : 0n });
}
