/**
 * The in-memory model of a relocatable object (ET_REL), shared by the assembler (which builds it),
 * write-object.ts (which serialises it), read-object.ts (which parses into it) and the linker
 * (which consumes it). See README.md for the full contract; in short:
 *
 * - sections[0] and symbols[0] are the null entries, so model indices follow ELF conventions
 *   (section 0 = undefined, symbol 0 = no symbol).
 * - The model holds only "content" sections. .symtab, .strtab, .shstrtab, .symtab_shndx and the
 *   relocation sections are derived by the writer: a section's relocations live in its `relocs`,
 *   and the writer emits .rela<name> (or .rel<name>) right after it, as GNU as does.
 * - Symbol section indices are model section indices; special indices are stored negated
 *   (SEC_ABS = -SHN_ABS, SEC_COMMON = -SHN_COMMON), so they can never collide with a real section
 *   even in objects with more than 65280 sections.
 * - Numbers everywhere except symbol values/sizes and addends, which are 64-bit (bigint).
 */
import {
  SHN_ABS, SHN_COMMON, SHT_NULL, SHT_NOBITS, STB_LOCAL, STT_NOTYPE, STV_DEFAULT, EM_386,
} from './constants';

/** Symbol section index: undefined symbol. */
export const SEC_UNDEF = 0;
/** Symbol section index: absolute symbol (SHN_ABS). */
export const SEC_ABS = -SHN_ABS;
/** Symbol section index: common symbol (SHN_COMMON); value is the alignment, size the size. */
export const SEC_COMMON = -SHN_COMMON;
/** Section link value meaning "the symbol table" (e.g. SHT_LLVM_ADDRSIG). */
export const LINK_SYMTAB = -1;

export interface ObjReloc {
  /** Offset of the place in the section (number: sections are Uint8Arrays). */
  offset: number;
  /** Machine relocation type (R_X86_64_PC32, ...). */
  type: number;
  /** Index into ObjectFile.symbols (0 = no symbol). */
  symbol: number;
  /** Explicit addend (RELA objects). For REL objects (i386) it is 0n and the addend is in `data`. */
  addend: bigint;
}

export interface ObjGroup {
  /** Group flags (GRP_COMDAT). */
  flags: number;
  /** Signature symbol, an index into ObjectFile.symbols. */
  signature: number;
  /** Member sections (model indices). The writer adds each member's relocation section after it. */
  members: number[];
}

export interface ObjSection {
  name: string;
  /** SHT_* */
  type: number;
  /** SHF_* bits, an unsigned 32-bit number (apply >>> 0 after bitwise operations). */
  flags: number;
  addralign: number;
  entsize: number;
  /** Contents; empty for SHT_NOBITS and SHT_GROUP (the writer builds group contents). */
  data: Uint8Array;
  /** Size in bytes: data.length, except for SHT_NOBITS. */
  size: number;
  /** sh_link as a model section index (0 = none, LINK_SYMTAB = the symbol table). Derived for groups. */
  link: number;
  /** sh_info: a model section index when flags has SHF_INFO_LINK, otherwise the raw value. Derived for groups. */
  info: number;
  /** Relocations against this section, in order. */
  relocs: ObjReloc[];
  /** Only for SHT_GROUP sections. */
  group?: ObjGroup;
}

export interface ObjSymbol {
  name: string;
  /** STB_* */
  binding: number;
  /** STT_* */
  type: number;
  /** st_other: visibility (STV_*) in the low 2 bits, processor bits above (STO_AARCH64_VARIANT_PCS). */
  other: number;
  /** Model section index, SEC_UNDEF (0), or a negated special index (SEC_ABS, SEC_COMMON, -SHN_X86_64_LCOMMON). */
  section: number;
  value: bigint;
  size: bigint;
}

export interface ObjectFile {
  class: 32 | 64;
  /** EM_* */
  machine: number;
  /** e_flags */
  flags: number;
  /** e_ident[EI_OSABI]: GNU as sets ELFOSABI_GNU when STT_GNU_IFUNC or STB_GNU_UNIQUE symbols exist. */
  osabi: number;
  abiversion: number;
  /** true: SHT_RELA with explicit addends; false: SHT_REL with addends in the section data (i386). */
  rela: boolean;
  /** sections[0] is the null section. */
  sections: ObjSection[];
  /** symbols[0] is the null symbol. The writer puts locals first (stable) when it serialises. */
  symbols: ObjSymbol[];
}

/** A fresh object with only the null section and null symbol. */
export function newObjectFile(cls: 32 | 64, machine: number, flags = 0): ObjectFile {
  return {
    class: cls, machine, flags, osabi: 0, abiversion: 0, rela: machine !== EM_386,
    sections: [makeSection('', SHT_NULL, 0, 0)], symbols: [makeSymbol('', STB_LOCAL, STT_NOTYPE, SEC_UNDEF)],
  };
}

/** Build a section; every field is set so all sections share one shape. */
export function makeSection(name: string, type: number, flags: number, addralign: number,
                            data: Uint8Array = new Uint8Array(0), entsize = 0): ObjSection {
  return { name, type, flags: flags >>> 0, addralign, entsize, data, size: data.length, link: 0, info: 0, relocs: [] };
}

/** Build a symbol; every field is set so all symbols share one shape. */
export function makeSymbol(name: string, binding: number, type: number, section: number,
                           value = 0n, size = 0n, other = STV_DEFAULT): ObjSymbol {
  return { name, binding, type, other, section, value, size };
}

/** Append a section and return its model index. */
export function addSection(obj: ObjectFile, sec: ObjSection): number {
  obj.sections.push(sec);
  return obj.sections.length - 1;
}

/** Append a symbol and return its model index. */
export function addSymbol(obj: ObjectFile, sym: ObjSymbol): number {
  obj.symbols.push(sym);
  return obj.symbols.length - 1;
}

/** Size of a section whatever its type. */
export function sectionSize(sec: ObjSection): number {
  return sec.type === SHT_NOBITS ? sec.size : sec.data.length;
}

/** Index of the first section with this name, or -1. */
export function findSection(obj: ObjectFile, name: string): number {
  for (let i = 1; i < obj.sections.length; i++) if (obj.sections[i].name === name) return i;
  return -1;
}
