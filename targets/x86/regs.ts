// x86 register table.
//
// A register is a small integer: its index in REGS. Each entry records the register's encoding number
// (0..15, the fourth bit goes into REX/VEX), its size in bytes, its class, and whether it needs a REX
// prefix (spl/bpl/sil/dil, r8..r15 of every width, xmm8..) or forbids one (ah, ch, dh, bh).
// Names are AT&T names without the '%'. x87 registers are named "st(0)".."st(7)"; "st" is an alias
// of st(0) accepted by regByName.

export const enum RegClass {
  Gpr8 = 0, // al..bl, spl..dil, r8b..r15b
  Gpr8Hi, // ah, ch, dh, bh
  Gpr16,
  Gpr32,
  Gpr64,
  Seg,
  Cr,
  Dr,
  St,
  Mmx,
  Xmm,
  Ymm,
  Ip, // rip, eip (only as a memory base)
}

export const REG_NEEDS_REX = 1;
export const REG_FORBIDS_REX = 2;

export interface RegInfo {
  readonly name: string;
  /** Encoding number 0..15 (bit 3 goes into REX.R/X/B or VEX). */
  readonly num: number;
  /** Size in bytes (st: 10, xmm: 16, ymm: 32, seg: 2, cr/dr: 8 in 64-bit mode, 4 otherwise). */
  readonly size: number;
  readonly cls: RegClass;
  /** REG_NEEDS_REX / REG_FORBIDS_REX */
  readonly flags: number;
}

export const REGS: RegInfo[] = [];
const byName = new Map<string, number>();

function add(name: string, num: number, size: number, cls: RegClass, flags = 0): void {
  byName.set(name, REGS.length);
  REGS.push({ name, num, size, cls, flags });
}

const GPR64 = ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi'];
const GPR32 = ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi'];
const GPR16 = ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di'];
const GPR8 = ['al', 'cl', 'dl', 'bl', 'spl', 'bpl', 'sil', 'dil'];
const GPR8HI = ['ah', 'ch', 'dh', 'bh'];
const SEGS = ['es', 'cs', 'ss', 'ds', 'fs', 'gs'];

for (let i = 0; i < 16; i++) add(i < 8 ? GPR8[i] : `r${i}b`, i, 1, RegClass.Gpr8, i >= 4 ? REG_NEEDS_REX : 0);
for (let i = 0; i < 4; i++) add(GPR8HI[i], i + 4, 1, RegClass.Gpr8Hi, REG_FORBIDS_REX);
for (let i = 0; i < 16; i++) add(i < 8 ? GPR16[i] : `r${i}w`, i, 2, RegClass.Gpr16, i >= 8 ? REG_NEEDS_REX : 0);
for (let i = 0; i < 16; i++) add(i < 8 ? GPR32[i] : `r${i}d`, i, 4, RegClass.Gpr32, i >= 8 ? REG_NEEDS_REX : 0);
for (let i = 0; i < 16; i++) add(i < 8 ? GPR64[i] : `r${i}`, i, 8, RegClass.Gpr64, i >= 8 ? REG_NEEDS_REX : 0);
for (let i = 0; i < 6; i++) add(SEGS[i], i, 2, RegClass.Seg);
for (let i = 0; i < 16; i++) add(`cr${i}`, i, 8, RegClass.Cr, i >= 8 ? REG_NEEDS_REX : 0);
for (let i = 0; i < 16; i++) add(`db${i}`, i, 8, RegClass.Dr, i >= 8 ? REG_NEEDS_REX : 0);
for (let i = 0; i < 8; i++) add(`st(${i})`, i, 10, RegClass.St);
for (let i = 0; i < 8; i++) add(`mm${i}`, i, 8, RegClass.Mmx);
for (let i = 0; i < 16; i++) add(`xmm${i}`, i, 16, RegClass.Xmm, i >= 8 ? REG_NEEDS_REX : 0);
for (let i = 0; i < 16; i++) add(`ymm${i}`, i, 32, RegClass.Ymm);
add('rip', 0, 8, RegClass.Ip);
add('eip', 0, 4, RegClass.Ip);

// Aliases accepted on input.
for (let i = 0; i < 16; i++) byName.set(`dr${i}`, byName.get(`db${i}`)!);
for (let i = 8; i < 16; i++) byName.set(`r${i}l`, byName.get(`r${i}b`)!);
byName.set('st', byName.get('st(0)')!);

/** Register id for an AT&T register name without '%' (case-insensitive), or -1. */
export function regByName(name: string): number {
  const r = byName.get(name);
  if (r !== undefined) return r;
  const lower = name.toLowerCase().replace(/\s+/g, '');
  const r2 = byName.get(lower);
  return r2 === undefined ? -1 : r2;
}

/** The id of a register given its class and number (e.g. regOf(RegClass.Gpr32, 0) is eax). */
export function regOf(cls: RegClass, num: number): number {
  const base = CLASS_BASE[cls];
  if (cls === RegClass.Gpr8Hi) return base + num - 4;
  if (cls === RegClass.Ip) return base + (num === 8 ? 0 : 1);
  return base + num;
}

const CLASS_BASE: number[] = [];
for (let i = REGS.length - 1; i >= 0; i--) CLASS_BASE[REGS[i].cls] = i;

export const RIP = byName.get('rip')!;
export const EIP = byName.get('eip')!;

export function regName(r: number): string {
  return REGS[r].name;
}

/** Register size in bits, as the operand-size matcher sees it. */
export function regBits(r: number): number {
  return REGS[r].size * 8;
}
