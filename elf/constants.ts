/**
 * ELF constants as data: file types, machines, section types and flags, symbol bindings, types and
 * visibilities, special section indices, program header types and flags, group flags, and the full
 * relocation type sets of x86-64, i386, AArch64 and RISC-V (name -> number objects plus a
 * number -> name lookup). Values come from the System V gABI, the processor psABIs and glibc's elf.h.
 */

// ---- ELF identification -------------------------------------------------------------------------
export const ELFMAG = [0x7f, 0x45, 0x4c, 0x46] as const; // "\x7fELF"
export const ELFCLASS32 = 1;
export const ELFCLASS64 = 2;
export const ELFDATA2LSB = 1;
export const ELFDATA2MSB = 2;
export const EV_CURRENT = 1;
export const ELFOSABI_NONE = 0;
export const ELFOSABI_GNU = 3; // also ELFOSABI_LINUX
export const ELFOSABI_FREEBSD = 9;

// ---- e_type ---------------------------------------------------------------------------------------
export const ET_NONE = 0;
export const ET_REL = 1;
export const ET_EXEC = 2;
export const ET_DYN = 3;
export const ET_CORE = 4;

// ---- e_machine ------------------------------------------------------------------------------------
export const EM_NONE = 0;
export const EM_386 = 3;
export const EM_X86_64 = 62;
export const EM_AARCH64 = 183;
export const EM_RISCV = 243;

// ---- e_flags (RISC-V) -----------------------------------------------------------------------------
export const EF_RISCV_RVC = 0x1;
export const EF_RISCV_FLOAT_ABI = 0x6;
export const EF_RISCV_FLOAT_ABI_SOFT = 0x0;
export const EF_RISCV_FLOAT_ABI_SINGLE = 0x2;
export const EF_RISCV_FLOAT_ABI_DOUBLE = 0x4;
export const EF_RISCV_FLOAT_ABI_QUAD = 0x6;
export const EF_RISCV_RVE = 0x8;
export const EF_RISCV_TSO = 0x10;

// ---- Sizes of the fixed structures ----------------------------------------------------------------
export const EHDR32_SIZE = 52;
export const EHDR64_SIZE = 64;
export const PHDR32_SIZE = 32;
export const PHDR64_SIZE = 56;
export const SHDR32_SIZE = 40;
export const SHDR64_SIZE = 64;
export const SYM32_SIZE = 16;
export const SYM64_SIZE = 24;
export const REL32_SIZE = 8;
export const RELA32_SIZE = 12;
export const REL64_SIZE = 16;
export const RELA64_SIZE = 24;

// ---- Special section indices ----------------------------------------------------------------------
export const SHN_UNDEF = 0;
export const SHN_LORESERVE = 0xff00;
export const SHN_LOPROC = 0xff00;
export const SHN_HIPROC = 0xff1f;
export const SHN_X86_64_LCOMMON = 0xff02;
export const SHN_ABS = 0xfff1;
export const SHN_COMMON = 0xfff2;
export const SHN_XINDEX = 0xffff;
export const SHN_HIRESERVE = 0xffff;

// ---- sh_type --------------------------------------------------------------------------------------
export const SHT_NULL = 0;
export const SHT_PROGBITS = 1;
export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_RELA = 4;
export const SHT_HASH = 5;
export const SHT_DYNAMIC = 6;
export const SHT_NOTE = 7;
export const SHT_NOBITS = 8;
export const SHT_REL = 9;
export const SHT_SHLIB = 10;
export const SHT_DYNSYM = 11;
export const SHT_INIT_ARRAY = 14;
export const SHT_FINI_ARRAY = 15;
export const SHT_PREINIT_ARRAY = 16;
export const SHT_GROUP = 17;
export const SHT_SYMTAB_SHNDX = 18;
export const SHT_RELR = 19;
export const SHT_LOOS = 0x60000000;
export const SHT_LLVM_ADDRSIG = 0x6fff4c03;
export const SHT_GNU_ATTRIBUTES = 0x6ffffff5;
export const SHT_GNU_HASH = 0x6ffffff6;
export const SHT_GNU_LIBLIST = 0x6ffffff7;
export const SHT_CHECKSUM = 0x6ffffff8;
export const SHT_GNU_VERDEF = 0x6ffffffd;
export const SHT_GNU_VERNEED = 0x6ffffffe;
export const SHT_GNU_VERSYM = 0x6fffffff;
export const SHT_LOPROC = 0x70000000;
export const SHT_X86_64_UNWIND = 0x70000001;
export const SHT_AARCH64_ATTRIBUTES = 0x70000003;
export const SHT_RISCV_ATTRIBUTES = 0x70000003;
export const SHT_HIPROC = 0x7fffffff;

// ---- sh_flags (all fit in 32 bits; keep them unsigned with >>> 0 after bitwise operations) ---------
export const SHF_WRITE = 0x1;
export const SHF_ALLOC = 0x2;
export const SHF_EXECINSTR = 0x4;
export const SHF_MERGE = 0x10;
export const SHF_STRINGS = 0x20;
export const SHF_INFO_LINK = 0x40;
export const SHF_LINK_ORDER = 0x80;
export const SHF_OS_NONCONFORMING = 0x100;
export const SHF_GROUP = 0x200;
export const SHF_TLS = 0x400;
export const SHF_COMPRESSED = 0x800;
export const SHF_GNU_RETAIN = 0x200000;
export const SHF_MASKOS = 0x0ff00000;
export const SHF_X86_64_LARGE = 0x10000000;
export const SHF_MASKPROC = 0xf0000000;
export const SHF_EXCLUDE = 0x80000000;

// ---- Section group flags --------------------------------------------------------------------------
export const GRP_COMDAT = 0x1;

// ---- Symbol binding (st_info >> 4) ----------------------------------------------------------------
export const STB_LOCAL = 0;
export const STB_GLOBAL = 1;
export const STB_WEAK = 2;
export const STB_GNU_UNIQUE = 10;

// ---- Symbol type (st_info & 15) -------------------------------------------------------------------
export const STT_NOTYPE = 0;
export const STT_OBJECT = 1;
export const STT_FUNC = 2;
export const STT_SECTION = 3;
export const STT_FILE = 4;
export const STT_COMMON = 5;
export const STT_TLS = 6;
export const STT_GNU_IFUNC = 10;

// ---- Symbol visibility (st_other & 3) -------------------------------------------------------------
export const STV_DEFAULT = 0;
export const STV_INTERNAL = 1;
export const STV_HIDDEN = 2;
export const STV_PROTECTED = 3;
export const STO_AARCH64_VARIANT_PCS = 0x80;
export const STO_RISCV_VARIANT_CC = 0x80;

// ---- Program header types and flags ---------------------------------------------------------------
export const PT_NULL = 0;
export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
export const PT_NOTE = 4;
export const PT_SHLIB = 5;
export const PT_PHDR = 6;
export const PT_TLS = 7;
export const PT_GNU_EH_FRAME = 0x6474e550;
export const PT_GNU_STACK = 0x6474e551;
export const PT_GNU_RELRO = 0x6474e552;
export const PT_GNU_PROPERTY = 0x6474e553;
export const PT_RISCV_ATTRIBUTES = 0x70000003;
export const PF_X = 0x1;
export const PF_W = 0x2;
export const PF_R = 0x4;

// ---- Relocation types -----------------------------------------------------------------------------
// Keys are the names without the R_<ARCH>_ prefix: R_X86_64.PC32, R_X86_64['64']. Where binutils and
// glibc spell a name differently, binutils' spelling comes first (it is what relocName returns).

/** x86-64 (AMD64 psABI, including the APX CODE_4/5/6 forms). */
export const R_X86_64 = {
  NONE: 0,
  '64': 1,
  PC32: 2,
  GOT32: 3,
  PLT32: 4,
  COPY: 5,
  GLOB_DAT: 6,
  JUMP_SLOT: 7,
  RELATIVE: 8,
  GOTPCREL: 9,
  '32': 10,
  '32S': 11,
  '16': 12,
  PC16: 13,
  '8': 14,
  PC8: 15,
  DTPMOD64: 16,
  DTPOFF64: 17,
  TPOFF64: 18,
  TLSGD: 19,
  TLSLD: 20,
  DTPOFF32: 21,
  GOTTPOFF: 22,
  TPOFF32: 23,
  PC64: 24,
  GOTOFF64: 25,
  GOTPC32: 26,
  GOT64: 27,
  GOTPCREL64: 28,
  GOTPC64: 29,
  GOTPLT64: 30,
  PLTOFF64: 31,
  SIZE32: 32,
  SIZE64: 33,
  GOTPC32_TLSDESC: 34,
  TLSDESC_CALL: 35,
  TLSDESC: 36,
  IRELATIVE: 37,
  RELATIVE64: 38,
  GOTPCRELX: 41,
  REX_GOTPCRELX: 42,
  CODE_4_GOTPCRELX: 43,
  CODE_4_GOTTPOFF: 44,
  CODE_4_GOTPC32_TLSDESC: 45,
  CODE_5_GOTPCRELX: 46,
  CODE_5_GOTTPOFF: 47,
  CODE_5_GOTPC32_TLSDESC: 48,
  CODE_6_GOTPCRELX: 49,
  CODE_6_GOTTPOFF: 50,
  CODE_6_GOTPC32_TLSDESC: 51,
  GNU_VTINHERIT: 250,
  GNU_VTENTRY: 251,
} as const;

/** i386 (System V i386 psABI); objects use SHT_REL with the addend in the section data. */
export const R_386 = {
  NONE: 0,
  '32': 1,
  PC32: 2,
  GOT32: 3,
  PLT32: 4,
  COPY: 5,
  GLOB_DAT: 6,
  JUMP_SLOT: 7,
  JMP_SLOT: 7, // glibc's spelling
  RELATIVE: 8,
  GOTOFF: 9,
  GOTPC: 10,
  '32PLT': 11,
  TLS_TPOFF: 14,
  TLS_IE: 15,
  TLS_GOTIE: 16,
  TLS_LE: 17,
  TLS_GD: 18,
  TLS_LDM: 19,
  '16': 20,
  PC16: 21,
  '8': 22,
  PC8: 23,
  TLS_GD_32: 24,
  TLS_GD_PUSH: 25,
  TLS_GD_CALL: 26,
  TLS_GD_POP: 27,
  TLS_LDM_32: 28,
  TLS_LDM_PUSH: 29,
  TLS_LDM_CALL: 30,
  TLS_LDM_POP: 31,
  TLS_LDO_32: 32,
  TLS_IE_32: 33,
  TLS_LE_32: 34,
  TLS_DTPMOD32: 35,
  TLS_DTPOFF32: 36,
  TLS_TPOFF32: 37,
  SIZE32: 38,
  TLS_GOTDESC: 39,
  TLS_DESC_CALL: 40,
  TLS_DESC: 41,
  IRELATIVE: 42,
  GOT32X: 43,
  USED_BY_INTEL_200: 200,
  GNU_VTINHERIT: 250,
  GNU_VTENTRY: 251,
} as const;

/** AArch64 (ELF for the Arm 64-bit Architecture), LP64 set plus the few ILP32 numbers glibc names. */
export const R_AARCH64 = {
  NONE: 0,
  P32_ABS32: 1,
  P32_COPY: 180,
  P32_GLOB_DAT: 181,
  P32_JUMP_SLOT: 182,
  P32_RELATIVE: 183,
  P32_TLS_DTPMOD: 184,
  P32_TLS_DTPREL: 185,
  P32_TLS_TPREL: 186,
  P32_TLSDESC: 187,
  P32_IRELATIVE: 188,
  ABS64: 257,
  ABS32: 258,
  ABS16: 259,
  PREL64: 260,
  PREL32: 261,
  PREL16: 262,
  MOVW_UABS_G0: 263,
  MOVW_UABS_G0_NC: 264,
  MOVW_UABS_G1: 265,
  MOVW_UABS_G1_NC: 266,
  MOVW_UABS_G2: 267,
  MOVW_UABS_G2_NC: 268,
  MOVW_UABS_G3: 269,
  MOVW_SABS_G0: 270,
  MOVW_SABS_G1: 271,
  MOVW_SABS_G2: 272,
  LD_PREL_LO19: 273,
  ADR_PREL_LO21: 274,
  ADR_PREL_PG_HI21: 275,
  ADR_PREL_PG_HI21_NC: 276,
  ADD_ABS_LO12_NC: 277,
  LDST8_ABS_LO12_NC: 278,
  TSTBR14: 279,
  CONDBR19: 280,
  JUMP26: 282,
  CALL26: 283,
  LDST16_ABS_LO12_NC: 284,
  LDST32_ABS_LO12_NC: 285,
  LDST64_ABS_LO12_NC: 286,
  MOVW_PREL_G0: 287,
  MOVW_PREL_G0_NC: 288,
  MOVW_PREL_G1: 289,
  MOVW_PREL_G1_NC: 290,
  MOVW_PREL_G2: 291,
  MOVW_PREL_G2_NC: 292,
  MOVW_PREL_G3: 293,
  LDST128_ABS_LO12_NC: 299,
  MOVW_GOTOFF_G0: 300,
  MOVW_GOTOFF_G0_NC: 301,
  MOVW_GOTOFF_G1: 302,
  MOVW_GOTOFF_G1_NC: 303,
  MOVW_GOTOFF_G2: 304,
  MOVW_GOTOFF_G2_NC: 305,
  MOVW_GOTOFF_G3: 306,
  GOTREL64: 307,
  GOTREL32: 308,
  GOT_LD_PREL19: 309,
  LD64_GOTOFF_LO15: 310,
  ADR_GOT_PAGE: 311,
  LD64_GOT_LO12_NC: 312,
  LD64_GOTPAGE_LO15: 313,
  PLT32: 314,
  GOTPCREL32: 315,
  TLSGD_ADR_PREL21: 512,
  TLSGD_ADR_PAGE21: 513,
  TLSGD_ADD_LO12_NC: 514,
  TLSGD_MOVW_G1: 515,
  TLSGD_MOVW_G0_NC: 516,
  TLSLD_ADR_PREL21: 517,
  TLSLD_ADR_PAGE21: 518,
  TLSLD_ADD_LO12_NC: 519,
  TLSLD_MOVW_G1: 520,
  TLSLD_MOVW_G0_NC: 521,
  TLSLD_LD_PREL19: 522,
  TLSLD_MOVW_DTPREL_G2: 523,
  TLSLD_MOVW_DTPREL_G1: 524,
  TLSLD_MOVW_DTPREL_G1_NC: 525,
  TLSLD_MOVW_DTPREL_G0: 526,
  TLSLD_MOVW_DTPREL_G0_NC: 527,
  TLSLD_ADD_DTPREL_HI12: 528,
  TLSLD_ADD_DTPREL_LO12: 529,
  TLSLD_ADD_DTPREL_LO12_NC: 530,
  TLSLD_LDST8_DTPREL_LO12: 531,
  TLSLD_LDST8_DTPREL_LO12_NC: 532,
  TLSLD_LDST16_DTPREL_LO12: 533,
  TLSLD_LDST16_DTPREL_LO12_NC: 534,
  TLSLD_LDST32_DTPREL_LO12: 535,
  TLSLD_LDST32_DTPREL_LO12_NC: 536,
  TLSLD_LDST64_DTPREL_LO12: 537,
  TLSLD_LDST64_DTPREL_LO12_NC: 538,
  TLSIE_MOVW_GOTTPREL_G1: 539,
  TLSIE_MOVW_GOTTPREL_G0_NC: 540,
  TLSIE_ADR_GOTTPREL_PAGE21: 541,
  TLSIE_LD64_GOTTPREL_LO12_NC: 542,
  TLSIE_LD_GOTTPREL_PREL19: 543,
  TLSLE_MOVW_TPREL_G2: 544,
  TLSLE_MOVW_TPREL_G1: 545,
  TLSLE_MOVW_TPREL_G1_NC: 546,
  TLSLE_MOVW_TPREL_G0: 547,
  TLSLE_MOVW_TPREL_G0_NC: 548,
  TLSLE_ADD_TPREL_HI12: 549,
  TLSLE_ADD_TPREL_LO12: 550,
  TLSLE_ADD_TPREL_LO12_NC: 551,
  TLSLE_LDST8_TPREL_LO12: 552,
  TLSLE_LDST8_TPREL_LO12_NC: 553,
  TLSLE_LDST16_TPREL_LO12: 554,
  TLSLE_LDST16_TPREL_LO12_NC: 555,
  TLSLE_LDST32_TPREL_LO12: 556,
  TLSLE_LDST32_TPREL_LO12_NC: 557,
  TLSLE_LDST64_TPREL_LO12: 558,
  TLSLE_LDST64_TPREL_LO12_NC: 559,
  TLSDESC_LD_PREL19: 560,
  TLSDESC_ADR_PREL21: 561,
  TLSDESC_ADR_PAGE21: 562,
  TLSDESC_LD64_LO12: 563,
  TLSDESC_ADD_LO12: 564,
  TLSDESC_OFF_G1: 565,
  TLSDESC_OFF_G0_NC: 566,
  TLSDESC_LDR: 567,
  TLSDESC_ADD: 568,
  TLSDESC_CALL: 569,
  TLSLE_LDST128_TPREL_LO12: 570,
  TLSLE_LDST128_TPREL_LO12_NC: 571,
  TLSLD_LDST128_DTPREL_LO12: 572,
  TLSLD_LDST128_DTPREL_LO12_NC: 573,
  COPY: 1024,
  GLOB_DAT: 1025,
  JUMP_SLOT: 1026,
  RELATIVE: 1027,
  TLS_DTPMOD64: 1028,
  TLS_DTPMOD: 1028, // glibc's spelling
  TLS_DTPREL64: 1029,
  TLS_DTPREL: 1029, // glibc's spelling
  TLS_TPREL64: 1030,
  TLS_TPREL: 1030, // glibc's spelling
  TLSDESC: 1031,
  IRELATIVE: 1032,
} as const;

/** RISC-V (RISC-V ELF psABI). */
export const R_RISCV = {
  NONE: 0,
  '32': 1,
  '64': 2,
  RELATIVE: 3,
  COPY: 4,
  JUMP_SLOT: 5,
  TLS_DTPMOD32: 6,
  TLS_DTPMOD64: 7,
  TLS_DTPREL32: 8,
  TLS_DTPREL64: 9,
  TLS_TPREL32: 10,
  TLS_TPREL64: 11,
  TLSDESC: 12,
  BRANCH: 16,
  JAL: 17,
  CALL: 18,
  CALL_PLT: 19,
  GOT_HI20: 20,
  TLS_GOT_HI20: 21,
  TLS_GD_HI20: 22,
  PCREL_HI20: 23,
  PCREL_LO12_I: 24,
  PCREL_LO12_S: 25,
  HI20: 26,
  LO12_I: 27,
  LO12_S: 28,
  TPREL_HI20: 29,
  TPREL_LO12_I: 30,
  TPREL_LO12_S: 31,
  TPREL_ADD: 32,
  ADD8: 33,
  ADD16: 34,
  ADD32: 35,
  ADD64: 36,
  SUB8: 37,
  SUB16: 38,
  SUB32: 39,
  SUB64: 40,
  ALIGN: 43,
  RVC_BRANCH: 44,
  RVC_JUMP: 45,
  RVC_LUI: 46,
  GPREL_I: 47,
  GPREL_S: 48,
  TPREL_I: 49,
  TPREL_S: 50,
  RELAX: 51,
  SUB6: 52,
  SET6: 53,
  SET8: 54,
  SET16: 55,
  SET32: 56,
  '32_PCREL': 57,
  IRELATIVE: 58,
  PLT32: 59,
  SET_ULEB128: 60,
  SUB_ULEB128: 61,
  TLSDESC_HI20: 62,
  TLSDESC_LOAD_LO12: 63,
  TLSDESC_ADD_LO12: 64,
  TLSDESC_CALL: 65,
  VENDOR: 191,
} as const;

interface RelocSet { prefix: string; table: Readonly<Record<string, number>>; byNumber?: Map<number, string> }

const RELOC_SETS: Record<number, RelocSet> = {
  [EM_X86_64]: { prefix: 'R_X86_64_', table: R_X86_64 },
  [EM_386]: { prefix: 'R_386_', table: R_386 },
  [EM_AARCH64]: { prefix: 'R_AARCH64_', table: R_AARCH64 },
  [EM_RISCV]: { prefix: 'R_RISCV_', table: R_RISCV },
};

function numberTable(set: RelocSet): Map<number, string> {
  if (!set.byNumber) {
    set.byNumber = new Map();
    for (const [name, num] of Object.entries(set.table)) {
      if (!set.byNumber.has(num)) set.byNumber.set(num, set.prefix + name);
    }
  }
  return set.byNumber;
}

/** Full name of a relocation type ("R_X86_64_PC32"), or undefined when the machine or number is unknown. */
export function relocName(machine: number, type: number): string | undefined {
  const set = RELOC_SETS[machine];
  return set ? numberTable(set).get(type) : undefined;
}

/** Number of a relocation given its full name ("R_AARCH64_CALL26"), or undefined. */
export function relocNumber(machine: number, name: string): number | undefined {
  const set = RELOC_SETS[machine];
  if (!set || !name.startsWith(set.prefix)) return undefined;
  const key = name.slice(set.prefix.length);
  return Object.prototype.hasOwnProperty.call(set.table, key) ? set.table[key] : undefined;
}

/** All relocation types of a machine as [full name, number] pairs (canonical names, no aliases). */
export function relocTypes(machine: number): Array<[string, number]> {
  const set = RELOC_SETS[machine];
  if (!set) return [];
  const names = numberTable(set);
  return [...names.entries()].map(([v, n]) => [n, v] as [string, number]);
}
