/**
 * Serialisers for the fixed ELF structures (file header, section header, program header) in ELF32
 * and ELF64 little-endian form. Used by write-object.ts and meant for the linker's executable writer.
 * The reader (read-elf.ts) parses into the same field shapes.
 */
import { setU64n } from './bytes';
import {
  EHDR32_SIZE, EHDR64_SIZE, ELFCLASS32, ELFCLASS64, ELFDATA2LSB, EV_CURRENT, PHDR32_SIZE, PHDR64_SIZE,
  SHDR32_SIZE, SHDR64_SIZE, SHN_LORESERVE, SHN_XINDEX,
} from './constants';

/** PN_XNUM: e_phnum value meaning "the count is in section 0's sh_info". */
export const PN_XNUM = 0xffff;

export interface ElfHeaderFields {
  class: 32 | 64;
  type: number;
  machine: number;
  osabi: number;
  abiversion: number;
  flags: number;
  entry: bigint;
  phoff: number;
  phnum: number;
  shoff: number;
  /** Real section count; values >= SHN_LORESERVE are written as 0 (put the count in section 0's size). */
  shnum: number;
  /** Real index; values >= SHN_LORESERVE are written as SHN_XINDEX (put it in section 0's link). */
  shstrndx: number;
}

export interface SectionHeaderFields {
  /** Offset of the name in .shstrtab. */
  name: number;
  type: number;
  flags: number;
  addr: bigint;
  offset: number;
  size: number;
  link: number;
  info: number;
  addralign: number;
  entsize: number;
}

export interface ProgramHeaderFields {
  type: number;
  flags: number;
  offset: number;
  vaddr: bigint;
  paddr: bigint;
  filesz: number;
  memsz: number;
  align: number;
}

export const ehdrSize = (cls: 32 | 64): number => (cls === 64 ? EHDR64_SIZE : EHDR32_SIZE);
export const shdrSize = (cls: 32 | 64): number => (cls === 64 ? SHDR64_SIZE : SHDR32_SIZE);
export const phdrSize = (cls: 32 | 64): number => (cls === 64 ? PHDR64_SIZE : PHDR32_SIZE);

/** Write the ELF file header at offset 0 of `view`. */
export function writeElfHeader(view: DataView, h: ElfHeaderFields): void {
  const is64 = h.class === 64;
  view.setUint32(0, 0x464c457f, true); // "\x7fELF"
  view.setUint8(4, is64 ? ELFCLASS64 : ELFCLASS32);
  view.setUint8(5, ELFDATA2LSB);
  view.setUint8(6, EV_CURRENT);
  view.setUint8(7, h.osabi);
  view.setUint8(8, h.abiversion);
  for (let i = 9; i < 16; i++) view.setUint8(i, 0);
  view.setUint16(16, h.type, true);
  view.setUint16(18, h.machine, true);
  view.setUint32(20, EV_CURRENT, true);
  let p = 24;
  const addr = (v: number | bigint): void => {
    if (is64) { if (typeof v === 'bigint') view.setBigUint64(p, BigInt.asUintN(64, v), true); else setU64n(view, p, v); p += 8; }
    else { view.setUint32(p, Number(BigInt.asUintN(32, BigInt(v))), true); p += 4; }
  };
  addr(h.entry);
  addr(h.phnum > 0 ? h.phoff : 0);
  addr(h.shnum > 0 ? h.shoff : 0);
  view.setUint32(p, h.flags >>> 0, true);
  view.setUint16(p + 4, ehdrSize(h.class), true);
  view.setUint16(p + 6, h.phnum > 0 ? phdrSize(h.class) : 0, true);
  view.setUint16(p + 8, h.phnum >= PN_XNUM ? PN_XNUM : h.phnum, true);
  view.setUint16(p + 10, h.shnum > 0 ? shdrSize(h.class) : 0, true);
  view.setUint16(p + 12, h.shnum >= SHN_LORESERVE ? 0 : h.shnum, true);
  view.setUint16(p + 14, h.shstrndx >= SHN_LORESERVE ? SHN_XINDEX : h.shstrndx, true);
}

/** Write one section header at byte offset `off`. */
export function writeSectionHeader(view: DataView, off: number, cls: 32 | 64, s: SectionHeaderFields): void {
  view.setUint32(off, s.name, true);
  view.setUint32(off + 4, s.type >>> 0, true);
  if (cls === 64) {
    setU64n(view, off + 8, s.flags >>> 0);
    view.setBigUint64(off + 16, BigInt.asUintN(64, s.addr), true);
    setU64n(view, off + 24, s.offset);
    setU64n(view, off + 32, s.size);
    view.setUint32(off + 40, s.link >>> 0, true);
    view.setUint32(off + 44, s.info >>> 0, true);
    setU64n(view, off + 48, s.addralign);
    setU64n(view, off + 56, s.entsize);
  } else {
    view.setUint32(off + 8, s.flags >>> 0, true);
    view.setUint32(off + 12, Number(BigInt.asUintN(32, s.addr)), true);
    view.setUint32(off + 16, s.offset, true);
    view.setUint32(off + 20, s.size, true);
    view.setUint32(off + 24, s.link >>> 0, true);
    view.setUint32(off + 28, s.info >>> 0, true);
    view.setUint32(off + 32, s.addralign, true);
    view.setUint32(off + 36, s.entsize, true);
  }
}

/** Write one program header at byte offset `off`. */
export function writeProgramHeader(view: DataView, off: number, cls: 32 | 64, p: ProgramHeaderFields): void {
  view.setUint32(off, p.type >>> 0, true);
  if (cls === 64) {
    view.setUint32(off + 4, p.flags >>> 0, true);
    setU64n(view, off + 8, p.offset);
    view.setBigUint64(off + 16, BigInt.asUintN(64, p.vaddr), true);
    view.setBigUint64(off + 24, BigInt.asUintN(64, p.paddr), true);
    setU64n(view, off + 32, p.filesz);
    setU64n(view, off + 40, p.memsz);
    setU64n(view, off + 48, p.align);
  } else {
    view.setUint32(off + 4, p.offset, true);
    view.setUint32(off + 8, Number(BigInt.asUintN(32, p.vaddr)), true);
    view.setUint32(off + 12, Number(BigInt.asUintN(32, p.paddr)), true);
    view.setUint32(off + 16, p.filesz, true);
    view.setUint32(off + 20, p.memsz, true);
    view.setUint32(off + 24, p.flags >>> 0, true);
    view.setUint32(off + 28, p.align, true);
  }
}

/**
 * Section header 0 for a file with this many sections/program headers: it carries the real counts
 * when they overflow the 16-bit e_shnum/e_shstrndx/e_phnum fields.
 */
export function nullSectionHeader(shnum: number, shstrndx: number, phnum = 0): SectionHeaderFields {
  return {
    name: 0, type: 0, flags: 0, addr: 0n, offset: 0, addralign: 0, entsize: 0,
    size: shnum >= SHN_LORESERVE ? shnum : 0,
    link: shstrndx >= SHN_LORESERVE ? shstrndx : 0,
    info: phnum >= PN_XNUM ? phnum : 0,
  };
}
