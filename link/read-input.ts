/**
 * ELF relocatable object bytes -> the linker's ObjectInput: sections, symbols (resolved into the
 * global table as they are read) and relocations, in one pass over the file with no intermediate
 * model. elf/read-object.ts builds the general ObjectFile model (for objcopy and the tests); the
 * linker reads hundreds of archive members per link, so this reader allocates only what the link
 * keeps: one InputSection per content section (its bytes a view of the input), one Sym per local
 * symbol, and per relocation section four typed arrays (RelocList).
 *
 * Section slots in ObjectInput.sections are ELF section indices (null for the section table's own
 * sections: symbol and string tables, relocation sections, groups), so symbol section indices need
 * no mapping. The checks are those of read-elf.ts and read-object.ts, with the same messages:
 * anything malformed throws ElfError, never a RangeError.
 */
import { decodeName, getU64n } from '../elf/bytes';
import {
  ELFCLASS32, ELFCLASS64, ELFDATA2LSB, ET_REL, GRP_COMDAT, SHF_EXECINSTR, SHN_LORESERVE, SHN_XINDEX, SHT_GROUP,
  SHT_NOBITS, SHT_NULL, SHT_REL, SHT_RELA, SHT_STRTAB, SHT_SYMTAB, SHT_SYMTAB_SHNDX, STT_SECTION,
} from '../elf/constants';
import { ElfError } from '../elf/error';
import type { ObjSymbol } from '../elf/object';
import { HOST_LE, InputSection, LinkContext, ObjectInput, RelocList, Sym } from './context';
import { addObjectSymbol } from './symbols';

const SHF_EXCLUDE = 0x80000000;
const EMPTY = new Uint8Array(0);

/**
 * The section header table as rows of NF numbers (fields below 2^53: readHeaders keeps sections in
 * the file). One scratch table serves every object: an object is read completely before the next.
 */
const NF = 9;
const F_NAME = 0, F_TYPE = 1, F_FLAGS = 2, F_OFFSET = 3, F_SIZE = 4, F_LINK = 5, F_INFO = 6, F_ALIGN = 7, F_ENTSIZE = 8;
let scratch = new Float64Array(64 * NF);

class Headers {
  constructor(readonly t: Float64Array, readonly n: number) {}
  name(i: number): number { return this.t[i * NF + F_NAME]; }
  type(i: number): number { return this.t[i * NF + F_TYPE]; }
  flags(i: number): number { return this.t[i * NF + F_FLAGS]; }
  offset(i: number): number { return this.t[i * NF + F_OFFSET]; }
  size(i: number): number { return this.t[i * NF + F_SIZE]; }
  link(i: number): number { return this.t[i * NF + F_LINK]; }
  info(i: number): number { return this.t[i * NF + F_INFO]; }
  align(i: number): number { return this.t[i * NF + F_ALIGN]; }
  entsize(i: number): number { return this.t[i * NF + F_ENTSIZE]; }
}

interface Elf {
  file: string;
  bytes: Uint8Array;
  view: DataView;
  is64: boolean;
  machine: number;
  flags: number;
  osabi: number;
  sh: Headers;
  shstrndx: number;
}

/** True when the bytes start with the ELF magic. */
export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
}

function failer(file: string): (m: string) => never {
  return (m: string): never => { throw new ElfError(file, m); };
}

/** ELF header and section headers, validated as readElf does. */
function readHeaders(bytes: Uint8Array, file: string): Elf {
  const fail = failer(file);
  if (bytes.length < 16 || !isElf(bytes)) fail('file format not recognized');
  const klass = bytes[4];
  if ((klass !== ELFCLASS32 && klass !== ELFCLASS64) || bytes[5] !== ELFDATA2LSB) fail('file format not recognized');
  const is64 = klass === ELFCLASS64;
  if (bytes.length < (is64 ? 64 : 52)) fail('file truncated');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getUint32(20, true) !== 1) fail('file format not recognized');
  if (v.getUint16(16, true) !== ET_REL) fail('not a relocatable object file');
  const shoff = is64 ? getU64n(v, 40) : v.getUint32(32, true);
  const p = is64 ? 48 : 36;
  const shentsize = v.getUint16(p + 10, true);
  let shnum = v.getUint16(p + 12, true);
  let shstrndx = v.getUint16(p + 14, true);
  const shsz = is64 ? 64 : 40;
  if (shoff !== 0) {
    if (shentsize !== shsz) fail('file format not recognized');
    if (shoff + shsz > bytes.length) fail('section header table extends past end of file');
    if (shnum === 0) shnum = is64 ? getU64n(v, shoff + 32) : v.getUint32(shoff + 20, true);
    if (shstrndx === SHN_XINDEX) shstrndx = v.getUint32(shoff + (is64 ? 40 : 24), true);
    if (shnum * shsz > bytes.length - shoff) fail('section header table extends past end of file');
  } else shnum = 0;
  if (shnum > 0 && shstrndx !== 0 && shstrndx >= shnum) fail(`invalid section header string table index ${shstrndx}`);
  if (scratch.length < shnum * NF) scratch = new Float64Array(shnum * NF * 2);
  const t = scratch;
  const len = bytes.length;
  for (let i = 0, o = shoff, r = 0; i < shnum; i++, o += shsz, r += NF) {
    t[r + F_NAME] = v.getUint32(o, true);
    const type = t[r + F_TYPE] = v.getUint32(o + 4, true);
    let off: number, size: number, align: number, entsize: number;
    if (is64) {
      if (v.getUint32(o + 12, true) !== 0) fail(`section ${i}: unsupported section flags`);
      t[r + F_FLAGS] = v.getUint32(o + 8, true);
      off = v.getUint32(o + 24, true) + v.getUint32(o + 28, true) * 0x100000000;
      size = v.getUint32(o + 32, true) + v.getUint32(o + 36, true) * 0x100000000;
      t[r + F_LINK] = v.getUint32(o + 40, true);
      t[r + F_INFO] = v.getUint32(o + 44, true);
      align = v.getUint32(o + 48, true) + v.getUint32(o + 52, true) * 0x100000000;
      entsize = v.getUint32(o + 56, true) + v.getUint32(o + 60, true) * 0x100000000;
    } else {
      t[r + F_FLAGS] = v.getUint32(o + 8, true);
      off = v.getUint32(o + 16, true);
      size = v.getUint32(o + 20, true);
      t[r + F_LINK] = v.getUint32(o + 24, true);
      t[r + F_INFO] = v.getUint32(o + 28, true);
      align = v.getUint32(o + 32, true);
      entsize = v.getUint32(o + 36, true);
    }
    t[r + F_OFFSET] = off;
    t[r + F_SIZE] = size;
    t[r + F_ALIGN] = align;
    t[r + F_ENTSIZE] = entsize;
    if (i === 0 || type === SHT_NOBITS || type === SHT_NULL) continue;
    if (off > len || size > len - off) fail(`section ${i} extends past end of file`);
    if (align > 0x100000000 || entsize > 0x100000000) fail(`section ${i} has an invalid alignment or entry size`);
  }
  const sh = new Headers(t, shnum);
  return { file, bytes, view: v, is64, machine: v.getUint16(18, true), flags: v.getUint32(p, true), osabi: bytes[7], sh, shstrndx };
}

/** The NUL-terminated name at `off` in section `tab`, or undefined when it runs off the table. */
function nameAt(elf: Elf, tab: number, off: number): string | undefined {
  const start = elf.sh.offset(tab);
  const size = elf.sh.type(tab) === SHT_NOBITS ? 0 : elf.sh.size(tab);
  if (off >= size) return undefined;
  const b = elf.bytes;
  const end = b.indexOf(0, start + off);
  if (end < 0 || end >= start + size) return undefined;
  return decodeName(b, start + off, end);
}

function sectionLabel(elf: Elf, i: number): string {
  if (i === 0 || elf.shstrndx === 0) return `[${i}]`;
  const n = nameAt(elf, elf.shstrndx, elf.sh.name(i));
  return n ? n : `[${i}]`;
}

/** Read one object and add its sections, symbols and relocations to the link. */
export function readInputObject(ctx: LinkContext, bytes: Uint8Array, display: string, name: string, archive: string | null,
                                member: string | null, checkMachine: (machine: number, cls: number) => void): ObjectInput {
  const elf = readHeaders(bytes, display);
  checkMachine(elf.machine, elf.is64 ? 64 : 32);
  const fail = failer(display);
  const sh = elf.sh;
  const n = sh.n;
  let symtab = 0;
  const t = sh.t;
  for (let i = 0; i < n; i++) {
    const type = t[i * NF + F_TYPE];
    if (type === SHT_SYMTAB) {
      if (symtab !== 0) fail('more than one symbol table');
      symtab = i;
    }
  }
  // sections the model derives (tables, names, relocations) get no slot
  const dropped = new Uint8Array(n);
  if (symtab) {
    const str = sh.link(symtab);
    if (str === 0 || str >= n || sh.type(str) !== SHT_STRTAB) fail(`section '${sectionLabel(elf, symtab)}' has an invalid sh_link ${str}`);
    dropped[symtab] = 1;
    dropped[str] = 1;
  }
  if (elf.shstrndx !== 0) dropped[elf.shstrndx] = 1;
  for (let i = 0; i < n; i++) {
    const type = t[i * NF + F_TYPE];
    if (type === SHT_SYMTAB_SHNDX || type === SHT_REL || type === SHT_RELA) dropped[i] = 1;
  }
  const file = new ObjectInput(archive ? member! : name, archive, member);
  file.osabi = elf.osabi;
  file.eflags = elf.flags;
  file.order = ctx.objects.length;
  ctx.objects.push(file);
  const secs = file.sections;
  const rel = ctx.opts.relocatable;
  const names = new Array<string>(n);
  secs.push(null);
  for (let i = 1, r = NF; i < n; i++, r += NF) {
    if (dropped[i]) { secs.push(null); continue; }
    let nm = '';
    if (elf.shstrndx !== 0) {
      const s = nameAt(elf, elf.shstrndx, t[r + F_NAME]);
      if (s === undefined) fail(`invalid string offset ${t[r + F_NAME]} >= ${sh.size(elf.shstrndx)} for section '.shstrtab'`);
      nm = s!;
    }
    names[i] = nm;
    const type = t[r + F_TYPE];
    if (type === SHT_GROUP) { secs.push(null); continue; }
    const off = t[r + F_OFFSET];
    const size = t[r + F_SIZE];
    const data = type === SHT_NOBITS || size === 0 ? EMPTY : bytes.subarray(off, off + size);
    const flags = t[r + F_FLAGS];
    const align = t[r + F_ALIGN];
    const isec = new InputSection(file, i, nm, type, flags, align > 1 ? align : 1, size, data, RelocList.EMPTY, t[r + F_ENTSIZE]);
    if (nm === '.eh_frame') (file.ehFrames ??= []).push(isec);
    else if (nm === '.note.GNU-stack') {
      isec.discarded = true;
      if (flags & SHF_EXECINSTR) file.execStack = true;
      file.hasStackNote = true;
    }
    if (!rel && ((flags & SHF_EXCLUDE) !== 0 || nm.startsWith('.gnu.lto_') || type === 0x6fff4c03 || nm === '.gnu_debuglink' || nm.startsWith('.gnu.warning.'))) isec.discarded = true;
    secs.push(isec);
  }
  const nsyms = symtab ? readSymbols(ctx, elf, file, symtab, dropped) : 1;
  if (!symtab) file.syms.push(new Sym(''));
  readRelocations(ctx, elf, file, symtab, dropped, nsyms);
  for (let i = 1; i < n; i++) if (sh.type(i) === SHT_GROUP && !dropped[i]) readGroup(ctx, elf, file, i, symtab, dropped, names[i]);
  return file;
}

/**
 * The symbol table: locals get their own Sym, globals are resolved into the link's table. COMDAT
 * groups are read first (readGroup needs the symbol names, the symbols need to know which sections
 * a group discards), so group signatures are decoded here in a first pass.
 */
function readSymbols(ctx: LinkContext, elf: Elf, file: ObjectInput, symtab: number, dropped: Uint8Array): number {
  const fail = failer(elf.file);
  const sh = elf.sh;
  const v = elf.view;
  const is64 = elf.is64;
  const entsize = is64 ? 24 : 16;
  const label = (): string => sectionLabel(elf, symtab);
  if (sh.offset(symtab) > elf.bytes.length || sh.size(symtab) > elf.bytes.length - sh.offset(symtab)) fail(`section ${symtab} extends past end of file`);
  if (sh.size(symtab) % entsize !== 0) fail(`section '${label()}' has an invalid size ${sh.size(symtab)}`);
  const str = sh.link(symtab);
  const count = sh.size(symtab) / entsize;
  let xview: DataView | null = null;
  for (let i = 0; i < sh.n; i++) {
    if (sh.type(i) !== SHT_SYMTAB_SHNDX || sh.link(i) !== symtab) continue;
    if (sh.size(i) < count * 4) fail(`section '${sectionLabel(elf, i)}' is too small for its symbol table`);
    xview = new DataView(elf.bytes.buffer, elf.bytes.byteOffset + sh.offset(i), sh.size(i));
  }
  // COMDAT groups decide which sections are discarded before any symbol is resolved
  discardComdat(ctx, elf, file, symtab, count, str, dropped);
  const es: ObjSymbol = { name: '', binding: 0, type: 0, other: 0, section: 0, value: 0n, size: 0n };
  const syms = file.syms;
  syms.push(new Sym(''));
  const base = sh.offset(symtab);
  // symbols defined in .eh_frame are noted for eh-frame.ts (it moves them when it edits the section)
  const ehIndex = file.ehFrames !== null ? file.ehFrames[0].index : -1;
  for (let i = 1, p = base + entsize; i < count; i++, p += entsize) {
    const nameOff = v.getUint32(p, true);
    let info: number, other: number, shndx: number;
    if (is64) {
      info = v.getUint8(p + 4); other = v.getUint8(p + 5); shndx = v.getUint16(p + 6, true);
      const lo = v.getUint32(p + 8, true), hi = v.getUint32(p + 12, true);
      es.value = hi === 0 ? (lo === 0 ? 0n : BigInt(lo)) : v.getBigUint64(p + 8, true);
      const slo = v.getUint32(p + 16, true), shi = v.getUint32(p + 20, true);
      es.size = shi === 0 ? (slo === 0 ? 0n : BigInt(slo)) : v.getBigUint64(p + 16, true);
    } else {
      const lo = v.getUint32(p + 4, true);
      es.value = lo === 0 ? 0n : BigInt(lo);
      const slo = v.getUint32(p + 8, true);
      es.size = slo === 0 ? 0n : BigInt(slo);
      info = v.getUint8(p + 12); other = v.getUint8(p + 13); shndx = v.getUint16(p + 14, true);
    }
    let xindex = false;
    if (shndx === SHN_XINDEX) {
      if (!xview) fail(`symbol ${i} uses SHN_XINDEX but there is no .symtab_shndx section`);
      shndx = xview!.getUint32(i * 4, true);
      xindex = true;
    }
    let name = '';
    if (nameOff !== 0) {
      const s = nameAt(elf, str, nameOff);
      if (s === undefined) fail(`invalid string offset ${nameOff} >= ${sh.size(str)} for section '${sectionLabel(elf, str)}'`);
      name = s!;
    }
    let section: number;
    if (shndx === 0) section = 0;
    else if (!xindex && shndx >= SHN_LORESERVE) section = -shndx;
    else {
      if (shndx >= sh.n || dropped[shndx]) fail(`symbol '${name || i}' has invalid section index ${shndx}`);
      section = shndx;
    }
    es.name = name;
    es.binding = info >> 4;
    es.type = info & 15;
    es.other = other;
    es.section = section;
    if (section === ehIndex && es.type !== STT_SECTION) (file.ehSyms ??= []).push(syms.length);
    syms.push(addObjectSymbol(ctx, file, es));
  }
  return Math.max(1, count);
}

/** The first COMDAT group with a signature wins; the members of later copies are discarded. */
function discardComdat(ctx: LinkContext, elf: Elf, file: ObjectInput, symtab: number, count: number, str: number, dropped: Uint8Array): void {
  const sh = elf.sh;
  for (let i = 0; i < sh.n; i++) {
    if (sh.type(i) !== SHT_GROUP || dropped[i]) continue;
    const g = groupMembers(elf, i, symtab, count, dropped);
    if ((g.flags & GRP_COMDAT) === 0) continue;
    const p = sh.offset(symtab) + g.signature * (elf.is64 ? 24 : 16);
    const off = elf.view.getUint32(p, true);
    const sig = off === 0 ? '' : nameAt(elf, str, off) ?? '';
    if (ctx.comdat.has(sig)) { for (const m of g.members) { const s = file.sections[m]; if (s) s.discarded = true; } }
    else ctx.comdat.add(sig);
  }
}

/** A group section's flags, signature symbol and member sections (relocation sections left out). */
function groupMembers(elf: Elf, i: number, symtab: number, count: number, dropped: Uint8Array): { flags: number; signature: number; members: number[] } {
  const fail = failer(elf.file);
  const sh = elf.sh;
  const label = sectionLabel(elf, i);
  const size = sh.size(i);
  if (size < 4 || size % 4 !== 0) fail(`section '${label}' has an invalid size ${size}`);
  if (symtab === 0 || sh.link(i) !== symtab) fail(`section '${label}' has an invalid sh_link ${sh.link(i)}`);
  if (sh.info(i) >= count) fail(`section '${label}' has an invalid signature symbol index ${sh.info(i)}`);
  const v = elf.view;
  const members: number[] = [];
  for (let p = sh.offset(i) + 4; p < sh.offset(i) + size; p += 4) {
    const idx = v.getUint32(p, true);
    if (idx === 0 || idx >= sh.n) fail(`section '${label}' has an invalid member index ${idx}`);
    const t = sh.type(idx);
    if (t === SHT_REL || t === SHT_RELA) continue;
    if (dropped[idx]) fail(`section '${label}' has an invalid member index ${idx}`);
    members.push(idx);
  }
  return { flags: v.getUint32(sh.offset(i), true), signature: sh.info(i), members };
}

function readGroup(ctx: LinkContext, elf: Elf, file: ObjectInput, i: number, symtab: number, dropped: Uint8Array, name: string): void {
  const count = symtab ? elf.sh.size(symtab) / (elf.is64 ? 24 : 16) : 0;
  const g = groupMembers(elf, i, symtab, count, dropped);
  file.groups.push({ name, flags: g.flags, signature: g.signature, members: g.members });
  void ctx;
}

/** Relocation sections -> RelocList of their target sections. */
function readRelocations(ctx: LinkContext, elf: Elf, file: ObjectInput, symtab: number, dropped: Uint8Array, nsyms: number): void {
  const fail = failer(elf.file);
  const sh = elf.sh;
  const v = elf.view;
  const is64 = elf.is64;
  let sawRel = false, sawRela = false;
  for (let s = 0; s < sh.n; s++) {
    const st = sh.type(s);
    if (st !== SHT_REL && st !== SHT_RELA) continue;
    const rela = st === SHT_RELA;
    if (rela) sawRela = true; else sawRel = true;
    if (sawRel && sawRela) fail('mixed SHT_REL and SHT_RELA sections are not supported');
    const label = (): string => sectionLabel(elf, s);
    if (sh.link(s) !== symtab || symtab === 0) fail(`section '${label()}' has an invalid sh_link ${sh.link(s)}`);
    const t = sh.info(s);
    if (t === 0 || t >= sh.n || dropped[t]) fail(`section '${label()}' has an invalid sh_info ${t}`);
    const entsize = is64 ? (rela ? 24 : 16) : (rela ? 12 : 8);
    const size = sh.size(s);
    if (size % entsize !== 0) fail(`section '${label()}' has an invalid size ${size}`);
    const n = size / entsize;
    const target = file.sections[t];
    const limit = sh.size(t);
    const tname = target ? target.name : '';
    const pool = ctx.relocs;
    const at = pool.reserve(n);
    const off0 = sh.offset(s);
    if (is64 && rela && HOST_LE) pool.bytes.set(elf.bytes.subarray(off0, off0 + size), at * 24);
    else {
      // ELF32 or REL: convert to the pool's ELF64 RELA layout
      const { u32, i32 } = pool;
      for (let k = 0, p = off0; k < n; k++, p += entsize) {
        const w = 6 * (at + k);
        if (is64) {
          u32[w] = v.getUint32(p, true); u32[w + 1] = v.getUint32(p + 4, true);
          u32[w + 2] = v.getUint32(p + 8, true); u32[w + 3] = v.getUint32(p + 12, true);
          u32[w + 4] = 0; u32[w + 5] = 0;
        } else {
          const info = v.getUint32(p + 4, true);
          u32[w] = v.getUint32(p, true); u32[w + 1] = 0; u32[w + 2] = info & 0xff; u32[w + 3] = info >>> 8;
          const a = rela ? v.getInt32(p + 8, true) : 0;
          i32[w + 4] = a; i32[w + 5] = a < 0 ? -1 : 0;
        }
      }
    }
    const u32 = pool.u32;
    for (let k = 0; k < n; k++) {
      const w = 6 * (at + k);
      const symbol = u32[w + 3];
      if (symbol >= nsyms) fail(`${tname}: relocation ${k} has invalid symbol index ${symbol}`);
      if (u32[w + 1] !== 0 || u32[w] > limit) fail(`${tname}: relocation ${k} has offset 0x${pool.offset(at + k).toString(16)} beyond the section end`);
    }
    const list = new RelocList(pool, at, n);
    // a group section's relocations (there are none in practice) have nowhere to go
    if (target) target.relocs = target.relocs.count ? target.relocs.concat(list) : list;
  }
}
