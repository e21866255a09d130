// Which ELF relocation an x86 fixup becomes, following GNU as 2.40.
//
// x86-64 (RELA):
//   call/jmp/jcc to a global or undefined symbol      R_X86_64_PLT32 (PC32 for local symbols, which GNU
//                                                       as turns into section symbol + offset)
//   sym@PLT                                           PLT32
//   sym@GOTPCREL(%rip) in call/jmp/mov/test/binop      GOTPCRELX, or REX_GOTPCRELX when the instruction has
//                                                       a REX prefix (mov/test/binop only); GOTPCREL elsewhere
//   $sym as a 32-bit immediate                        32; sign-extended (64-bit operand size, or a disp32
//                                                       with 64-bit addressing)  32S; movabs  64
//   sym(%rip)                                         PC32
//   @TPOFF 32 / 64  TPOFF32 / TPOFF64;  @GOTTPOFF GOTTPOFF; @TLSGD TLSGD; @TLSLD TLSLD; @DTPOFF DTPOFF32/64;
//   @GOTOFF GOTOFF64; @GOTPC GOTPC32/64; @GOT GOT32/64; @SIZE SIZE32/64; @TLSDESC GOTPC32_TLSDESC.
// i386 (REL, the addend lives in the field):
//   call foo  R_386_PC32 (no PLT32 unless @PLT); sym@GOT in mov/call/jmp/test/binop  GOT32X, else GOT32;
//   @GOTOFF GOTOFF; @GOTPC GOTPC (GNU as also uses it for _GLOBAL_OFFSET_TABLE_: the assembler's job);
//   @NTPOFF TLS_LE; @TPOFF TLS_LE_32; @GOTNTPOFF TLS_GOTIE; @INDNTPOFF TLS_IE; @GOTTPOFF TLS_IE_32;
//   @TLSGD TLS_GD; @TLSLDM TLS_LDM; @DTPOFF TLS_LDO_32; @TLSDESC TLS_GOTDESC; @TLSCALL TLS_DESC_CALL.

import { X86Error } from './error';
import { Fixup, FX_BRANCH, FX_GOTX, FX_REX } from './encode';

export const R_X86_64_NONE = 0;
export const R_X86_64_64 = 1;
export const R_X86_64_PC32 = 2;
export const R_X86_64_GOT32 = 3;
export const R_X86_64_PLT32 = 4;
export const R_X86_64_COPY = 5;
export const R_X86_64_GLOB_DAT = 6;
export const R_X86_64_JUMP_SLOT = 7;
export const R_X86_64_RELATIVE = 8;
export const R_X86_64_GOTPCREL = 9;
export const R_X86_64_32 = 10;
export const R_X86_64_32S = 11;
export const R_X86_64_16 = 12;
export const R_X86_64_PC16 = 13;
export const R_X86_64_8 = 14;
export const R_X86_64_PC8 = 15;
export const R_X86_64_DTPMOD64 = 16;
export const R_X86_64_DTPOFF64 = 17;
export const R_X86_64_TPOFF64 = 18;
export const R_X86_64_TLSGD = 19;
export const R_X86_64_TLSLD = 20;
export const R_X86_64_DTPOFF32 = 21;
export const R_X86_64_GOTTPOFF = 22;
export const R_X86_64_TPOFF32 = 23;
export const R_X86_64_PC64 = 24;
export const R_X86_64_GOTOFF64 = 25;
export const R_X86_64_GOTPC32 = 26;
export const R_X86_64_GOT64 = 27;
export const R_X86_64_GOTPCREL64 = 28;
export const R_X86_64_GOTPC64 = 29;
export const R_X86_64_GOTPLT64 = 30;
export const R_X86_64_PLTOFF64 = 31;
export const R_X86_64_SIZE32 = 32;
export const R_X86_64_SIZE64 = 33;
export const R_X86_64_GOTPC32_TLSDESC = 34;
export const R_X86_64_TLSDESC_CALL = 35;
export const R_X86_64_TLSDESC = 36;
export const R_X86_64_IRELATIVE = 37;
export const R_X86_64_GOTPCRELX = 41;
export const R_X86_64_REX_GOTPCRELX = 42;

export const R_386_NONE = 0;
export const R_386_32 = 1;
export const R_386_PC32 = 2;
export const R_386_GOT32 = 3;
export const R_386_PLT32 = 4;
export const R_386_COPY = 5;
export const R_386_GLOB_DAT = 6;
export const R_386_JMP_SLOT = 7;
export const R_386_RELATIVE = 8;
export const R_386_GOTOFF = 9;
export const R_386_GOTPC = 10;
export const R_386_TLS_TPOFF = 14;
export const R_386_TLS_IE = 15;
export const R_386_TLS_GOTIE = 16;
export const R_386_TLS_LE = 17;
export const R_386_TLS_GD = 18;
export const R_386_TLS_LDM = 19;
export const R_386_16 = 20;
export const R_386_PC16 = 21;
export const R_386_8 = 22;
export const R_386_PC8 = 23;
export const R_386_TLS_LDO_32 = 32;
export const R_386_TLS_IE_32 = 33;
export const R_386_TLS_LE_32 = 34;
export const R_386_TLS_DTPMOD32 = 35;
export const R_386_TLS_DTPOFF32 = 36;
export const R_386_TLS_TPOFF32 = 37;
export const R_386_SIZE32 = 38;
export const R_386_TLS_GOTDESC = 39;
export const R_386_TLS_DESC_CALL = 40;
export const R_386_TLS_DESC = 41;
export const R_386_IRELATIVE = 42;
export const R_386_GOT32X = 43;

function bad(f: Fixup, arch: string): never {
  throw new X86Error(`cannot represent relocation type for ${f.size}-byte ${f.pcrel ? 'pc-relative ' : ''}${f.expr.spec ? '@' + f.expr.spec + ' ' : ''}field in ${arch}`);
}

/**
 * R_X86_64_* type for a fixup. `localSym`: the target is a local symbol (or a section), for which GNU as
 * uses PC32 instead of PLT32 on branches.
 */
export function x86_64RelocType(f: Fixup, localSym = false): number {
  const { size, pcrel } = f;
  switch (f.expr.spec) {
    case '':
      if (pcrel) {
        if (size === 4) return f.flags & FX_BRANCH && !localSym && f.expr.sym ? R_X86_64_PLT32 : R_X86_64_PC32;
        if (size === 8) return R_X86_64_PC64;
        if (size === 2) return R_X86_64_PC16;
        if (size === 1) return R_X86_64_PC8;
      } else {
        if (size === 8) return R_X86_64_64;
        if (size === 4) return f.signed ? R_X86_64_32S : R_X86_64_32;
        if (size === 2) return R_X86_64_16;
        if (size === 1) return R_X86_64_8;
      }
      break;
    case 'PLT':
      if (pcrel && size === 4) return R_X86_64_PLT32;
      break;
    case 'GOTPCREL':
      if (pcrel && size === 4) return f.flags & FX_GOTX ? (f.flags & FX_REX ? R_X86_64_REX_GOTPCRELX : R_X86_64_GOTPCRELX) : R_X86_64_GOTPCREL;
      if (pcrel && size === 8) return R_X86_64_GOTPCREL64;
      break;
    case 'GOTTPOFF':
      if (pcrel && size === 4) return R_X86_64_GOTTPOFF;
      break;
    case 'TLSGD':
      if (pcrel && size === 4) return R_X86_64_TLSGD;
      break;
    case 'TLSLD':
      if (pcrel && size === 4) return R_X86_64_TLSLD;
      break;
    case 'TPOFF':
    case 'NTPOFF':
      if (!pcrel) return size === 8 ? R_X86_64_TPOFF64 : R_X86_64_TPOFF32;
      break;
    case 'DTPOFF':
      if (!pcrel) return size === 8 ? R_X86_64_DTPOFF64 : R_X86_64_DTPOFF32;
      break;
    case 'GOTOFF':
      if (!pcrel && size === 8) return R_X86_64_GOTOFF64;
      break;
    case 'GOTPC':
      if (pcrel) return size === 8 ? R_X86_64_GOTPC64 : R_X86_64_GOTPC32;
      break;
    case 'GOT':
      if (!pcrel) return size === 8 ? R_X86_64_GOT64 : R_X86_64_GOT32;
      break;
    case 'SIZE':
      if (!pcrel) return size === 8 ? R_X86_64_SIZE64 : R_X86_64_SIZE32;
      break;
    case 'TLSDESC':
      if (pcrel && size === 4) return R_X86_64_GOTPC32_TLSDESC;
      break;
    case 'TLSCALL':
      return R_X86_64_TLSDESC_CALL;
  }
  return bad(f, 'x86-64');
}

/** R_386_* type for a fixup (i386 and 16-bit code in ELF32 objects). */
export function i386RelocType(f: Fixup): number {
  const { size, pcrel } = f;
  switch (f.expr.spec) {
    case '':
      if (pcrel) return size === 4 ? R_386_PC32 : size === 2 ? R_386_PC16 : size === 1 ? R_386_PC8 : bad(f, 'i386');
      return size === 4 ? R_386_32 : size === 2 ? R_386_16 : size === 1 ? R_386_8 : bad(f, 'i386');
    case 'PLT':
      if (pcrel && size === 4) return R_386_PLT32;
      break;
    case 'GOT':
      if (!pcrel && size === 4) return f.flags & FX_GOTX ? R_386_GOT32X : R_386_GOT32;
      break;
    case 'GOTOFF':
      if (!pcrel && size === 4) return R_386_GOTOFF;
      break;
    case 'GOTPC':
      if (size === 4) return R_386_GOTPC;
      break;
    case 'NTPOFF': if (size === 4) return R_386_TLS_LE; break;
    case 'TPOFF': if (size === 4) return R_386_TLS_LE_32; break;
    case 'GOTNTPOFF': if (size === 4) return R_386_TLS_GOTIE; break;
    case 'INDNTPOFF': if (size === 4) return R_386_TLS_IE; break;
    case 'GOTTPOFF': if (size === 4) return R_386_TLS_IE_32; break;
    case 'TLSGD': if (size === 4) return R_386_TLS_GD; break;
    case 'TLSLDM': case 'TLSLD': if (size === 4) return R_386_TLS_LDM; break;
    case 'DTPOFF': if (size === 4) return R_386_TLS_LDO_32; break;
    case 'TLSDESC': if (size === 4) return R_386_TLS_GOTDESC; break;
    case 'TLSCALL': return R_386_TLS_DESC_CALL;
    case 'SIZE': if (size === 4) return R_386_SIZE32; break;
  }
  return bad(f, 'i386');
}
