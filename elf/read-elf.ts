/**
 * General ELF reader (ELF32/ELF64 little-endian, any e_type): file header, section headers with
 * names, program headers, and symbol tables. read-object.ts builds the relocatable-object model on
 * top of it; tests and objcopy use it directly for executables.
 *
 * Every table is range-checked before it is read, so bad input ends in an ElfError with binutils-
 * style text, never in a RangeError. Section contents are views into the input (no copies).
 */
import { cString, getU64n } from './bytes';
import {
  ELFCLASS32, ELFCLASS64, ELFDATA2LSB, PHDR32_SIZE, PHDR64_SIZE, SHDR32_SIZE, SHDR64_SIZE,
  SHN_LORESERVE, SHN_UNDEF, SHN_XINDEX, SHT_NOBITS, SHT_NULL, SHT_SYMTAB_SHNDX, SYM32_SIZE, SYM64_SIZE,
} from './constants';
import { ElfError } from './error';
import { PN_XNUM, ProgramHeaderFields, SectionHeaderFields } from './headers';

export interface ElfSectionHeader extends SectionHeaderFields {
  index: number;
  /** The resolved name ('' for section 0). */
  nameStr: string;
}

export interface ElfFile {
  file: string;
  bytes: Uint8Array;
  view: DataView;
  class: 32 | 64;
  type: number;
  machine: number;
  osabi: number;
  abiversion: number;
  flags: number;
  entry: bigint;
  phoff: number;
  shoff: number;
  shstrndx: number;
  sections: ElfSectionHeader[];
  programs: ProgramHeaderFields[];
}

export interface ElfSymbol {
  name: string;
  /** Offset of the name in the string table. */
  nameOffset: number;
  value: bigint;
  size: bigint;
  binding: number;
  type: number;
  other: number;
  /** Section index: SHN_XINDEX already resolved through .symtab_shndx (then `xindex` is true). */
  shndx: number;
  /** True when shndx came from .symtab_shndx (so it is a real section index even if >= 0xff00). */
  xindex: boolean;
}

/** True when the bytes start with the ELF magic. */
export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
}

/** Parse and validate the headers of an ELF file. */
export function readElf(bytes: Uint8Array, file = 'a.out'): ElfFile {
  const fail = (m: string): never => { throw new ElfError(file, m); };
  if (bytes.length < 16 || !isElf(bytes)) fail('file format not recognized');
  const klass = bytes[4];
  if ((klass !== ELFCLASS32 && klass !== ELFCLASS64) || bytes[5] !== ELFDATA2LSB) fail('file format not recognized');
  const is64 = klass === ELFCLASS64;
  if (bytes.length < (is64 ? 64 : 52)) fail('file truncated');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const elf: ElfFile = {
    file, bytes, view, class: is64 ? 64 : 32,
    type: view.getUint16(16, true), machine: view.getUint16(18, true),
    osabi: bytes[7], abiversion: bytes[8],
    flags: 0, entry: 0n, phoff: 0, shoff: 0, shstrndx: 0, sections: [], programs: [],
  };
  if (view.getUint32(20, true) !== 1) fail('file format not recognized');
  let p: number;
  if (is64) {
    elf.entry = view.getBigUint64(24, true);
    elf.phoff = getU64n(view, 32);
    elf.shoff = getU64n(view, 40);
    p = 48;
  } else {
    elf.entry = BigInt(view.getUint32(24, true));
    elf.phoff = view.getUint32(28, true);
    elf.shoff = view.getUint32(32, true);
    p = 36;
  }
  elf.flags = view.getUint32(p, true);
  const phentsize = view.getUint16(p + 6, true);
  let phnum = view.getUint16(p + 8, true);
  const shentsize = view.getUint16(p + 10, true);
  let shnum = view.getUint16(p + 12, true);
  let shstrndx = view.getUint16(p + 14, true);

  // Section 0 holds the real counts when the 16-bit fields overflow.
  const shsz = is64 ? SHDR64_SIZE : SHDR32_SIZE;
  if (elf.shoff !== 0) {
    if (shentsize !== shsz) fail('file format not recognized');
    if (elf.shoff + shsz > bytes.length) fail('section header table extends past end of file');
    const s0 = readSectionHeader(elf, elf.shoff, 0);
    if (shnum === 0) shnum = s0.size;
    if (shstrndx === SHN_XINDEX) shstrndx = s0.link;
    if (phnum === PN_XNUM) phnum = s0.info;
    if (shnum * shsz > bytes.length - elf.shoff) fail('section header table extends past end of file');
  } else {
    shnum = 0;
  }
  if (shnum > 0 && shstrndx !== SHN_UNDEF && shstrndx >= shnum) fail(`invalid section header string table index ${shstrndx}`);
  elf.shstrndx = shstrndx;
  for (let i = 0; i < shnum; i++) elf.sections.push(readSectionHeader(elf, elf.shoff + i * shsz, i));
  for (const s of elf.sections) checkSectionBounds(elf, s);
  if (shstrndx !== SHN_UNDEF && shnum > 0) {
    const tab = sectionData(elf, elf.sections[shstrndx]);
    for (const s of elf.sections) {
      if (s.index === 0) continue;
      const name = s.name < tab.length ? cString(tab, s.name) : undefined;
      if (name === undefined) fail(`invalid string offset ${s.name} >= ${tab.length} for section '.shstrtab'`);
      s.nameStr = name!;
    }
  }

  // Program headers.
  if (phnum > 0) {
    const phsz = is64 ? PHDR64_SIZE : PHDR32_SIZE;
    if (phentsize !== phsz) fail('file format not recognized');
    if (elf.phoff > bytes.length || phnum * phsz > bytes.length - elf.phoff) fail('program header table extends past end of file');
    for (let i = 0; i < phnum; i++) elf.programs.push(readProgramHeader(elf, elf.phoff + i * phsz));
  }
  return elf;
}

function readSectionHeader(elf: ElfFile, off: number, index: number): ElfSectionHeader {
  const v = elf.view;
  const s: ElfSectionHeader = {
    index, nameStr: '', name: v.getUint32(off, true), type: v.getUint32(off + 4, true),
    flags: 0, addr: 0n, offset: 0, size: 0, link: 0, info: 0, addralign: 0, entsize: 0,
  };
  if (elf.class === 64) {
    if (v.getUint32(off + 12, true) !== 0) throw new ElfError(elf.file, `section ${index}: unsupported section flags`);
    s.flags = v.getUint32(off + 8, true);
    s.addr = v.getBigUint64(off + 16, true);
    s.offset = getU64n(v, off + 24);
    s.size = getU64n(v, off + 32);
    s.link = v.getUint32(off + 40, true);
    s.info = v.getUint32(off + 44, true);
    s.addralign = getU64n(v, off + 48);
    s.entsize = getU64n(v, off + 56);
  } else {
    s.flags = v.getUint32(off + 8, true);
    s.addr = BigInt(v.getUint32(off + 12, true));
    s.offset = v.getUint32(off + 16, true);
    s.size = v.getUint32(off + 20, true);
    s.link = v.getUint32(off + 24, true);
    s.info = v.getUint32(off + 28, true);
    s.addralign = v.getUint32(off + 32, true);
    s.entsize = v.getUint32(off + 36, true);
  }
  return s;
}

function checkSectionBounds(elf: ElfFile, s: ElfSectionHeader): void {
  if (s.index === 0 || s.type === SHT_NOBITS || s.type === SHT_NULL) return;
  if (s.offset > elf.bytes.length || s.size > elf.bytes.length - s.offset) {
    throw new ElfError(elf.file, `section ${s.index} extends past end of file`);
  }
  if (s.addralign > 0x100000000 || s.entsize > 0x100000000) {
    throw new ElfError(elf.file, `section ${s.index} has an invalid alignment or entry size`);
  }
}

function readProgramHeader(elf: ElfFile, off: number): ProgramHeaderFields {
  const v = elf.view;
  if (elf.class === 64) {
    return {
      type: v.getUint32(off, true), flags: v.getUint32(off + 4, true), offset: getU64n(v, off + 8),
      vaddr: v.getBigUint64(off + 16, true), paddr: v.getBigUint64(off + 24, true),
      filesz: getU64n(v, off + 32), memsz: getU64n(v, off + 40), align: getU64n(v, off + 48),
    };
  }
  return {
    type: v.getUint32(off, true), offset: v.getUint32(off + 4, true),
    vaddr: BigInt(v.getUint32(off + 8, true)), paddr: BigInt(v.getUint32(off + 12, true)),
    filesz: v.getUint32(off + 16, true), memsz: v.getUint32(off + 20, true),
    flags: v.getUint32(off + 24, true), align: v.getUint32(off + 28, true),
  };
}

/** The contents of a section (a view of the input; empty for NOBITS/NULL). */
export function sectionData(elf: ElfFile, s: SectionHeaderFields): Uint8Array {
  if (s.type === SHT_NOBITS || s.type === SHT_NULL) return elf.bytes.subarray(0, 0);
  return elf.bytes.subarray(s.offset, s.offset + s.size);
}

/** Section display name for messages: its name, or its index when it has none. */
export function sectionLabel(s: ElfSectionHeader): string {
  return s.nameStr !== '' ? s.nameStr : `[${s.index}]`;
}

/** Index of the first section of this name, or -1. */
export function findSectionByName(elf: ElfFile, name: string): number {
  return elf.sections.findIndex((s) => s.nameStr === name);
}

/**
 * The symbols of a symbol table section (SHT_SYMTAB or SHT_DYNSYM), index 0 included.
 * Resolves SHN_XINDEX through the matching SHT_SYMTAB_SHNDX section.
 */
export function readSymbols(elf: ElfFile, symtabIndex: number): ElfSymbol[] {
  const fail = (m: string): never => { throw new ElfError(elf.file, m); };
  const st = elf.sections[symtabIndex];
  if (!st) fail(`invalid symbol table index ${symtabIndex}`);
  const is64 = elf.class === 64;
  const entsize = is64 ? SYM64_SIZE : SYM32_SIZE;
  if (st.type === SHT_NOBITS || st.offset > elf.bytes.length || st.size > elf.bytes.length - st.offset) {
    fail(`section ${symtabIndex} extends past end of file`);
  }
  if (st.size % entsize !== 0) fail(`section '${sectionLabel(st)}' has an invalid size ${st.size}`);
  const strSec = elf.sections[st.link];
  if (st.link === 0 || !strSec) fail(`section '${sectionLabel(st)}' has an invalid sh_link ${st.link}`);
  const strtab = sectionData(elf, strSec);
  const n = st.size / entsize;
  let xview: DataView | null = null;
  for (const s of elf.sections) {
    if (s.type === SHT_SYMTAB_SHNDX && s.link === symtabIndex) {
      if (s.size < n * 4) fail(`section '${sectionLabel(s)}' is too small for its symbol table`);
      const d = sectionData(elf, s);
      xview = new DataView(d.buffer, d.byteOffset, d.byteLength);
    }
  }
  const v = elf.view;
  const syms: ElfSymbol[] = new Array(n);
  for (let i = 0, p = st.offset; i < n; i++, p += entsize) {
    const nameOffset = v.getUint32(p, true);
    let info: number, other: number, shndx: number, value: bigint, size: bigint;
    if (is64) {
      info = v.getUint8(p + 4); other = v.getUint8(p + 5); shndx = v.getUint16(p + 6, true);
      value = v.getBigUint64(p + 8, true); size = v.getBigUint64(p + 16, true);
    } else {
      value = BigInt(v.getUint32(p + 4, true)); size = BigInt(v.getUint32(p + 8, true));
      info = v.getUint8(p + 12); other = v.getUint8(p + 13); shndx = v.getUint16(p + 14, true);
    }
    let xindex = false;
    if (shndx === SHN_XINDEX) {
      if (!xview) fail(`symbol ${i} uses SHN_XINDEX but there is no .symtab_shndx section`);
      shndx = xview!.getUint32(i * 4, true);
      xindex = true;
    }
    const name = nameOffset === 0 ? '' : nameOffset < strtab.length ? cString(strtab, nameOffset) : undefined;
    if (name === undefined) fail(`invalid string offset ${nameOffset} >= ${strtab.length} for section '${sectionLabel(strSec)}'`);
    syms[i] = { name: name!, nameOffset, value, size, binding: info >> 4, type: info & 15, other, shndx, xindex };
  }
  return syms;
}

/** Whether a symbol section index is a special (reserved) one. */
export function isSpecialIndex(shndx: number): boolean {
  return shndx >= SHN_LORESERVE && shndx <= 0xffff;
}
