/**
 * SHF_MERGE sections: identical strings (SHF_STRINGS) or constants stored once, as GNU ld (BFD's
 * merge.c, binutils 2.40) does it; every rule below was checked against GNU ld's output.
 *
 * Groups. Input sections with SHF_MERGE merge with the other sections of the same output section
 * that have the same SHF_STRINGS flag, entry size and alignment. Not merged: empty sections, entry
 * size 0, a size that is not a multiple of the entry size, sections with relocations of their own,
 * and sections whose entry size does not fit their alignment.
 *
 * Pieces. Sections are read in input order. A constant section is cut into entsize-byte pieces. A
 * string section is cut at each terminator (entsize zero bytes); a run of zeros after a string adds
 * one empty string, once per section, at the first position of the run aligned to the section's
 * alignment; a last string without terminator gets one. A piece's alignment is the largest power of
 * two dividing its offset, at most the section's alignment (constants: 1). A piece already seen is
 * not stored again, unless it now needs a larger alignment: the old copy is dropped and the piece
 * moves to the later section.
 *
 * Tail merging (strings only). A string that ends another one (with at least its alignment, at an
 * offset that keeps its alignment) is stored inside it: strings are sorted by their reversed bytes
 * (first by length modulo the alignment when all share one alignment above the entry size) and each
 * is compared with the closest longer candidate.
 *
 * Layout. Every section keeps the pieces it stored first, in order, each aligned, zero padding
 * between; its size ends at its last piece (the group's last section is padded to the alignment when
 * every input size was a multiple of it). A section left with no piece is excluded from the output.
 *
 * Addresses. An input offset is mapped by its piece's content: the start of the piece holding it
 * (for strings: after the previous zero byte), the stored copy of that content, plus the distance.
 * Symbols in merged sections move with their piece; relocations against a merged section's STT_SECTION
 * symbol look up st_value + addend (REL targets add the field size for PC-relative fields first, as
 * elf32-i386.c does). An offset past the end gives the end of the section, with GNU's message when
 * it is beyond it.
 */
import type { InputSection, LinkContext, OutputSection } from './context';
import type { LCmd } from './layout';

const SHF_MERGE = 0x10;
const SHF_STRINGS = 0x20;

const latin1 = (Buffer.prototype as unknown as { latin1Slice(this: Uint8Array, s: number, e: number): string }).latin1Slice;
const latin1Write = (Buffer.prototype as unknown as { latin1Write(this: Uint8Array, s: string, off: number, len: number): number }).latin1Write;

/** One distinct string or constant of a group. */
interface Piece {
  /** The bytes (terminator included) as a latin1 string: the hash key. */
  key: string;
  /** Alignment; 0 once stored inside another piece (suffix) or dropped for a better aligned copy. */
  align: number;
  /** The section that stores it. */
  owner: InputSection;
  /** Offset in the owner's merged contents. */
  index: number;
  /** Tail merging: the longer piece this one ends. */
  suffix: Piece | null;
  /** False once replaced by a better aligned copy. */
  live: boolean;
}

interface Group {
  strings: boolean;
  entsize: number;
  align: number;
  out: OutputSection;
  secs: InputSection[];
  /** Stored (and tail-merged) pieces by content. */
  pieces: Map<string, Piece>;
  /** Every piece in the order it was stored, dropped copies included. */
  order: Piece[];
  /** Where "access beyond end" messages go (the link's warnings). */
  warnings: string[];
}

/** Merge state of one input section (InputSection.merge). */
export interface MergeInfo {
  group: Group;
  /** The section's bytes and size before merging. */
  raw: Uint8Array;
  rawSize: number;
  /** Stores no piece: takes no place in the output. */
  excluded: boolean;
  /** mergedLocation results by input offset (symbols and relocations ask for the same offsets often). */
  cache: Map<number, MergedLocation>;
}

/** Where an input offset of a merged section went: the section storing its piece and the offset there. */
export interface MergedLocation { sec: InputSection; off: number }

/** Merge the SHF_MERGE input sections of each output section (after mapSections, before addresses). */
export function mergeSections(ctx: LinkContext, cmds: LCmd[]): void {
  const outOf = new Map<InputSection, OutputSection>();
  for (const c of cmds) {
    if (c.k !== 'osec') continue;
    for (const s of c.stmts) if (s.k === 'secs') for (const sec of s.secs) if (!sec.discarded) outOf.set(sec, c.out);
  }
  const groups: Group[] = [];
  for (const f of ctx.objects) {
    for (const sec of f.sections) {
      if (!sec || sec.discarded || (sec.flags & SHF_MERGE) === 0 || !mergeable(sec)) continue;
      const out = outOf.get(sec);
      if (!out) continue;
      const strings = (sec.flags & SHF_STRINGS) !== 0;
      let g = groups.find((x) => x.out === out && x.strings === strings && x.entsize === sec.entsize && x.align === sec.align);
      if (!g) { g = { strings, entsize: sec.entsize, align: sec.align, out, secs: [], pieces: new Map(), order: [], warnings: ctx.warnings }; groups.push(g); }
      g.secs.push(sec);
    }
  }
  for (const g of groups) mergeGroup(g);
}

/** BFD's conditions for merging a section at all. */
function mergeable(sec: InputSection): boolean {
  const es = sec.entsize;
  if (sec.size === 0 || es === 0 || sec.size % es !== 0 || sec.relocs.count !== 0 || sec.type === 8) return false;
  const align = sec.align;
  if ((align & (align - 1)) !== 0 || align > 0x80000000) return false;
  if (es < align && ((es & (es - 1)) !== 0 || (sec.flags & SHF_STRINGS) === 0)) return false;
  if (es > align && es % align !== 0) return false;
  return true;
}

function mergeGroup(g: Group): void {
  // every input size a multiple of the alignment: the last section is padded to it
  let padLast = true;
  for (const sec of g.secs) {
    sec.merge = { group: g, raw: sec.data, rawSize: sec.size, excluded: false, cache: new Map() };
    if (g.strings) recordStrings(g, sec); else recordConstants(g, sec);
    if (sec.size % g.align !== 0) padLast = false;
  }
  if (g.strings) tailMerge(g);
  assignOffsets(g, padLast);
}

/** Store one piece (or find the stored copy); `align` is the alignment it needs. */
function add(g: Group, key: string, align: number, sec: InputSection): void {
  const old = g.pieces.get(key);
  if (old) {
    if (old.align >= align) return;
    // the stored copy is not aligned enough: drop it, store this one
    old.live = false;
    old.align = 0;
  }
  const p: Piece = { key, align, owner: sec, index: 0, suffix: null, live: true };
  g.pieces.set(key, p);
  g.order.push(p);
}

/** Largest power of two dividing `ofs` (ofs 0: unbounded), capped at the section alignment. */
function offsetAlign(ofs: number, secAlign: number): number {
  if (ofs === 0) return secAlign;
  const a = ofs & -ofs;
  return a > secAlign ? secAlign : a;
}

function recordConstants(g: Group, sec: InputSection): void {
  const d = sec.data;
  const es = g.entsize;
  for (let p = 0; p < sec.size; p += es) add(g, latin1.call(d, p, p + es), 1, sec);
}

/** The end (terminator included) of the string at p, or -1 when it has no terminator. */
function stringEnd(d: Uint8Array, p: number, size: number, es: number): number {
  if (es === 1) { const e = d.indexOf(0, p); return e < 0 || e >= size ? -1 : e + 1; }
  for (let q = p; q + es <= size; q += es) {
    let zero = true;
    for (let i = 0; i < es; i++) if (d[q + i] !== 0) { zero = false; break; }
    if (zero) return q + es;
  }
  return -1;
}

function zeroUnit(d: Uint8Array, p: number, es: number): boolean {
  for (let i = 0; i < es; i++) if (d[p + i] !== 0) return false;
  return true;
}

/** The key of the string starting at p: its bytes up to the terminator (one is added at the end). */
function stringKey(d: Uint8Array, p: number, size: number, es: number): { key: string; end: number } {
  const end = stringEnd(d, p, size, es);
  if (end >= 0) return { key: latin1.call(d, p, end), end };
  return { key: latin1.call(d, p, size) + '\0'.repeat(es), end: size };
}

function recordStrings(g: Group, sec: InputSection): void {
  const d = sec.data;
  const es = g.entsize;
  const size = sec.size;
  const mask = g.align - 1;
  let nul = false;
  for (let p = 0; p < size;) {
    const { key, end } = stringKey(d, p, size, es);
    add(g, key, offsetAlign(p, g.align), sec);
    p = end;
    // a run of zero entries after a string: one empty string per section, at an aligned spot
    while (p + es <= size && zeroUnit(d, p, es)) {
      if (!nul && (p & mask) === 0) { nul = true; add(g, '\0'.repeat(es), g.align, sec); }
      p += es;
    }
  }
}

/** Store strings that end a longer string inside it (BFD's merge_strings). */
function tailMerge(g: Group): void {
  const es = g.entsize;
  const live = g.order.filter((p) => p.align !== 0);
  if (live.length === 0) return;
  let common = live[0].align;
  for (const p of live) if (p.align !== common) { common = -1; break; }
  const byAlign = common > es && common <= 0xffff;
  // sort keys: the bytes without terminator reversed (natively), prefixed by the length modulo the
  // alignment when all strings share one alignment above the entry size
  const rev = new Map<string, Piece>();
  const keys: string[] = new Array(live.length);
  let total = 0;
  for (const p of live) total += p.key.length - es;
  const buf = new Uint8Array(total);
  let at = 0;
  for (const p of live) at += latin1Write.call(buf, p.key, at, p.key.length - es);
  buf.reverse();
  // the piece that started at s now ends at total - s
  let s = 0;
  for (let i = 0; i < live.length; i++) {
    const p = live[i];
    const len = p.key.length - es;
    let k = latin1.call(buf, total - s - len, total - s);
    s += len;
    if (byAlign) k = String.fromCharCode(len & (common - 1)) + k;
    keys[i] = k;
    rev.set(k, p);
  }
  keys.sort();
  let e = rev.get(keys[keys.length - 1])!;
  for (let i = keys.length - 2; i >= 0; i--) {
    const c = rev.get(keys[i])!;
    if (e.align >= c.align && ((e.key.length - c.key.length) & (c.align - 1)) === 0 && e.key.length > c.key.length && e.key.endsWith(c.key)) {
      c.suffix = e;
      c.align = 0;
    } else e = c;
  }
}

/** Offsets of the stored pieces in their sections, the sections' new sizes and contents. */
function assignOffsets(g: Group, padLast: boolean): void {
  const first = new Set<InputSection>();
  let size = 0;
  let cur: InputSection | null = null;
  const sizes = new Map<InputSection, number>();
  for (const p of g.order) {
    if (p.owner !== cur) { if (cur) sizes.set(cur, size); cur = p.owner; }
    if (p.align === 0) continue;
    if (!first.has(p.owner)) { first.add(p.owner); size = 0; }
    size = (size + p.align - 1) & ~(p.align - 1);
    p.index = size;
    size += p.key.length;
  }
  if (cur) sizes.set(cur, padLast ? (size + g.align - 1) & ~(g.align - 1) : size);
  // tail-merged strings live inside their longer string
  for (const p of g.order) {
    if (p.align !== 0 || !p.live || !p.suffix) continue;
    let s = p.suffix;
    while (s.suffix) s = s.suffix;
    p.owner = s.owner;
    p.index = s.index + (s.key.length - p.key.length);
  }
  // contents
  const stored = new Map<InputSection, Piece[]>();
  for (const p of g.order) {
    if (p.align === 0) continue;
    const l = stored.get(p.owner);
    if (l) l.push(p); else stored.set(p.owner, [p]);
  }
  for (const sec of g.secs) {
    const m = sec.merge!;
    const pieces = stored.get(sec);
    if (!pieces) { m.excluded = true; sec.size = 0; sec.data = new Uint8Array(0); continue; }
    const n = sizes.get(sec)!;
    const data = new Uint8Array(n);
    for (const p of pieces) latin1Write.call(data, p.key, p.index, p.key.length);
    sec.data = data;
    sec.size = n;
  }
}

/** Where input offset `off` of merged section `sec` went: the section holding its piece and the offset there. */
export function mergedLocation(sec: InputSection, off: number): MergedLocation {
  const m = sec.merge!;
  let loc = m.cache.get(off);
  if (!loc) { loc = locate(sec, off); m.cache.set(off, loc); }
  return loc;
}

function locate(sec: InputSection, off: number): MergedLocation {
  const m = sec.merge!;
  const g = m.group;
  const es = g.entsize;
  const d = m.raw;
  if (off >= m.rawSize || off < 0) {
    if (off > m.rawSize || off < 0) g.warnings.push(`${sec.file.display}: access beyond end of merged section (${off})`);
    return { sec, off: m.excluded ? 0 : sec.size };
  }
  let start: number;
  if (!g.strings) start = off - (off % es);
  else if (es === 1) { start = off; while (start > 0 && d[start - 1] !== 0) start--; }
  else {
    start = off - (off % es) - es;
    while (start >= 0 && !zeroUnit(d, start, es)) start -= es;
    start += es;
  }
  const key = g.strings ? stringKey(d, start, m.rawSize, es).key : latin1.call(d, start, start + es);
  let p = g.pieces.get(key);
  if (!p) {
    // an offset in the zero padding after a string: BFD falls back on the group's first piece
    p = g.order.find((x) => x.align !== 0)!;
    start = off - (off % es) + es - p.key.length;
  }
  return { sec: p.owner, off: p.index + (off - start) };
}

/** True for local labels that GNU ld leaves out of .symtab when they are in SHF_MERGE sections. */
export function isLocalLabel(name: string): boolean {
  return name.startsWith('.L') || name.startsWith('..') || name.startsWith('_.L_');
}

export { SHF_MERGE };
