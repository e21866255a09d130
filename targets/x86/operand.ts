// The x86 operand and instruction model shared by the code generator, the AT&T parser (syntax.ts),
// the printer and the encoder (encode.ts).
//
// Operands are kept in AT&T order (source first), exactly as they are written in GNU syntax.
// A value is either a constant (bigint) or a symbolic expression: symbol + addend with an optional
// relocation specifier (sym@GOTPCREL). The assembler resolves what it can to constants before
// encoding; what is left becomes a fixup.

import { X86Error } from './error';

/** Relocation specifiers written after '@' in GNU syntax. '' means none. */
export type RelocSpec =
  | '' | 'PLT' | 'GOTPCREL' | 'GOT' | 'GOTOFF' | 'GOTPC' | 'TPOFF' | 'NTPOFF' | 'GOTTPOFF' | 'TLSGD'
  | 'TLSLD' | 'TLSLDM' | 'DTPOFF' | 'INDNTPOFF' | 'GOTNTPOFF' | 'DTPMOD' | 'TLSDESC' | 'TLSCALL' | 'SIZE';

export const RELOC_SPECS: ReadonlySet<string> = new Set([
  'PLT', 'GOTPCREL', 'GOT', 'GOTOFF', 'GOTPC', 'TPOFF', 'NTPOFF', 'GOTTPOFF', 'TLSGD', 'TLSLD', 'TLSLDM',
  'DTPOFF', 'INDNTPOFF', 'GOTNTPOFF', 'DTPMOD', 'TLSDESC', 'TLSCALL', 'SIZE',
]);

/** symbol + addend, with a relocation specifier. sym === '' means an absolute value with a spec. */
export interface SymExpr {
  sym: string;
  addend: bigint;
  spec: RelocSpec;
}

export type Value = bigint | SymExpr;

export const enum OpKind {
  Reg = 0,
  Imm,
  Mem,
  Far, // ljmp/lcall $sel,$off
}

export interface RegOp {
  kind: OpKind.Reg;
  reg: number;
  /** Written with '*' (indirect jmp/call). */
  star: boolean;
}

export interface ImmOp {
  kind: OpKind.Imm;
  value: Value;
}

export interface MemOp {
  kind: OpKind.Mem;
  /** Segment override register id, or -1. */
  seg: number;
  /** Base register id (may be rip/eip), or -1. */
  base: number;
  /** Index register id, or -1. */
  index: number;
  scale: number; // 1, 2, 4, 8
  disp: Value;
  /** Written with '*' (indirect jmp/call). For jmp/call/jcc, a Mem without base/index/star is a direct target. */
  star: boolean;
}

export interface FarOp {
  kind: OpKind.Far;
  sel: Value;
  off: Value;
}

export type Operand = RegOp | ImmOp | MemOp | FarOp;

// Prefix bits of Instruction.prefixes.
export const PFX_LOCK = 1 << 0;
export const PFX_REP = 1 << 1; // rep / repe / repz (F3)
export const PFX_REPNE = 1 << 2; // repne / repnz (F2)
export const PFX_DATA16 = 1 << 3; // data16: 0x66 in 32/64-bit mode
export const PFX_DATA32 = 1 << 4; // data32: 0x66 in 16-bit mode
export const PFX_ADDR16 = 1 << 5;
export const PFX_ADDR32 = 1 << 6;
export const PFX_WAIT = 1 << 7; // fwait before the instruction
export const PFX_NOTRACK = 1 << 8; // 0x3e on indirect branches
export const PFX_REX = 1 << 9; // force a REX prefix ({rex})
export const PFX_VEX3 = 1 << 10; // force 3-byte VEX ({vex3})

export interface Instruction {
  /** The mnemonic as written in AT&T syntax, suffix included ("movl", "movzbl", "cvtsi2sdq", "ljmp"). */
  mnemonic: string;
  /** AT&T order: sources first, destination last. */
  operands: Operand[];
  /** PFX_* bits. */
  prefixes: number;
}

export function reg(r: number, star = false): RegOp {
  return { kind: OpKind.Reg, reg: r, star };
}

export function imm(value: Value): ImmOp {
  return { kind: OpKind.Imm, value };
}

export function mem(disp: Value, base = -1, index = -1, scale = 1, seg = -1, star = false): MemOp {
  return { kind: OpKind.Mem, seg, base, index, scale, disp, star };
}

export function far(sel: Value, off: Value): FarOp {
  return { kind: OpKind.Far, sel, off };
}

export function sym(name: string, addend: bigint = 0n, spec: RelocSpec = ''): SymExpr {
  return { sym: name, addend, spec };
}

export function inst(mnemonic: string, operands: Operand[], prefixes = 0): Instruction {
  return { mnemonic, operands, prefixes };
}

export function isConst(v: Value): v is bigint {
  return typeof v === 'bigint';
}

export function checkScale(s: number): void {
  if (s !== 1 && s !== 2 && s !== 4 && s !== 8) throw new X86Error(`scale factor of ${s} without an index register`);
}
