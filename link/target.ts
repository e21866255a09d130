/**
 * What shared linker code may ask of a target. Each relocation type maps to a target-neutral kind
 * with its field size and overflow rule (lld's RelExpr idea); shared code computes the value with
 * the ELF letters and one range check, and the target only writes bits and rewrites instructions
 * for the relaxations it knows.
 *
 * Letters: S symbol address, A addend, P place, G GOT entry address, GOT the GOT base
 * (_GLOBAL_OFFSET_TABLE_), L the PLT entry address, Z the symbol size, TP the thread pointer
 * (x86: end of the TLS block), DTP the start of the TLS block.
 */
import type { InputSection, LinkContext, Sym } from './context';

export const enum RelKind {
  None,
  /** S + A */
  Abs,
  /** S + A - P */
  PC,
  /** L + A - P (S + A - P when the symbol needs no PLT entry) */
  Plt,
  /** G + A - P */
  GotPC,
  /** G + A - GOT */
  GotOff32,
  /** S + A - GOT */
  GotRel,
  /** GOT + A - P */
  GotBasePC,
  /** GOT + A (i386 absolute GOT base: R_386_GOTPC is PC-relative, this one is rare) */
  /** S + A - TP */
  TpOff,
  /** TP - (S + A) */
  TpOffNeg,
  /** S + A - DTP (in allocated code after the LD -> LE relaxation: S + A - TP) */
  DtpOff,
  /** IE: GOT entry holding the TP offset, PC-relative (relaxed to LE when possible) */
  GotTpOffPC,
  /** IE, i386 GOT-relative forms */
  GotTpOffRel,
  /** GD sequence (relaxed to LE) */
  TlsGd,
  /** LD sequence (relaxed to LE) */
  TlsLd,
  /** Z + A */
  Size,
  /** GOT entry address, absolute (R_386_TLS_IE) */
  GotTpOffAbs,
  /** G + A (GOT entry absolute address): R_386_GOT32 without base register */
  GotAbs,
  /** TLS descriptor load (GOTPC32_TLSDESC, TLS_GOTDESC; relaxed to LE) */
  TlsDesc,
  /** the call through a TLS descriptor (TLSDESC_CALL, TLS_DESC_CALL; relaxed to a 2-byte nop) */
  TlsDescCall,
}

/**
 * How a relaxed GOT reference is completed: PC: S + A - P in the field (mov -> lea, call ->
 * addr32 call); JmpPC: the same one byte earlier (jmp *slot -> jmp foo; nop); Abs32S/Abs32: S in
 * the field, signed/unsigned 32 bits (mov/test/binop with an immediate).
 */
export const enum GotRelax { None = 0, PC = 1, JmpPC = 2, Abs32S = 3, Abs32 = 4 }

/** Overflow rule for a field: signed, unsigned, either (value fits as signed or unsigned), none. */
export const enum Check { None, Signed, Unsigned, Either }

export interface RelInfo { kind: RelKind; size: number; check: Check }

export interface TargetHooks {
  name: string;
  machine: number;
  cls: 32 | 64;
  rela: boolean;
  maxPageSize: number;
  commonPageSize: number;
  textBase: bigint;
  /** Size of a GOT slot. */
  wordSize: number;
  ipltEntrySize: number;
  irelativeType: number;
  /** Relocation type number -> kind, size and check; null for types the linker does not support. */
  classify(type: number): RelInfo | null;
  /** Implicit addend of a REL relocation (i386). */
  readAddend(data: Uint8Array, off: number, info: RelInfo): bigint;
  /** Write the low `size` bytes of a value. */
  write(data: Uint8Array, off: number, size: number, v: bigint): void;
  /**
   * The same for a value given as a double (|v| < 2^53), for targets whose relocation fields are
   * whole little-endian integers (link.ts attaches writeLE); shared code then skips bigint math.
   */
  writeNum?: (data: Uint8Array, off: number, size: number, v: number) => void;
  /**
   * Whether a GOT reference (of a symbol the executable defines, or an undefined weak one) can be
   * rewritten to use the symbol's address directly: a GotRelax code, GotRelax.None when not.
   */
  gotRelax(data: Uint8Array, off: number, type: number): GotRelax;
  /** Rewrite the instruction of such a reference; the caller then applies the value the code says. */
  relaxGot(data: Uint8Array, off: number, type: number): GotRelax;
  /**
   * TLS relaxation for static executables: rewrite the instruction(s) at `off` and return the value
   * kind to apply (TpOff/TpOffNeg) or None when the whole sequence was handled; `skipNext` says the
   * following relocation belongs to the rewritten sequence (the __tls_get_addr call).
   */
  relaxTls(ctx: LinkContext, sec: InputSection, data: Uint8Array, off: number, type: number, sym: Sym,
           tpoff: bigint): { done: boolean; skipNext: boolean };
  /** Fill `len` bytes of padding inside a code section (no-op instructions). */
  codeFill(data: Uint8Array, off: number, len: number): void;
  /** Write one IPLT entry at `off` (address `addr`) jumping through the GOT slot at `slot`. */
  writeIplt(data: Uint8Array, off: number, addr: bigint, slot: bigint): void;
}

/** Write the low `size` bytes (1, 2, 4 or 8) of an integer |v| < 2^53, little-endian. */
export function writeLE(data: Uint8Array, off: number, size: number, v: number): void {
  const lo = v >>> 0;
  data[off] = lo & 0xff;
  if (size === 1) return;
  data[off + 1] = (lo >>> 8) & 0xff;
  if (size === 2) return;
  data[off + 2] = (lo >>> 16) & 0xff;
  data[off + 3] = lo >>> 24;
  if (size === 4) return;
  const hi = Math.floor(v / 0x100000000) >>> 0;
  data[off + 4] = hi & 0xff;
  data[off + 5] = (hi >>> 8) & 0xff;
  data[off + 6] = (hi >>> 16) & 0xff;
  data[off + 7] = hi >>> 24;
}
