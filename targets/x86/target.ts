// The x86-64 target record: register facts and hooks the shared back-end machinery uses.
//
// Register units (targets/common/mir.ts): 0..15 are the general registers by encoding number
// (rax rcx rdx rbx rsp rbp rsi rdi r8..r15), 16..31 are xmm0..xmm15. rsp and rbp are never
// allocated (rbp is the frame pointer). Class 0 is general purpose, class 1 is SSE.

import { AllocTarget } from '../common/regalloc';
import { MInst, minst, mreg, mslot, Dst } from '../common/mir';
import { RegClass, regOf } from './regs';

export const RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7;
export const R8 = 8, R9 = 9, R10 = 10, R11 = 11, R12 = 12, R13 = 13, R14 = 14, R15 = 15;
export const XMM0 = 16;
export const FIRST_VREG = 32;

export const CLS_GP = 0, CLS_SSE = 1;

/** Caller-saved (call-clobbered) units. */
export const CALLER_SAVED: number[] = [RAX, RCX, RDX, RSI, RDI, R8, R9, R10, R11];
for (let i = 0; i < 16; i++) CALLER_SAVED.push(XMM0 + i);
export const CALLEE_SAVED: number[] = [RBX, R12, R13, R14, R15];

/** Allocation order: caller-saved first (values not live across calls use them), then callee-saved. */
const GP_ORDER = [RAX, RCX, RDX, RSI, RDI, R8, R9, R10, R11, RBX, R12, R13, R14, R15];
const SSE_ORDER: number[] = [];
for (let i = 0; i < 16; i++) SSE_ORDER.push(XMM0 + i);

/** The target register id (targets/x86/regs.ts) of a unit at a size in bytes. */
export function physReg(unit: number, size: number): number {
  if (unit >= XMM0) return regOf(RegClass.Xmm, unit - XMM0);
  const cls = size === 1 ? RegClass.Gpr8 : size === 2 ? RegClass.Gpr16 : size === 4 ? RegClass.Gpr32 : RegClass.Gpr64;
  return regOf(cls, unit);
}

function spillInst(load: boolean, u: number, cls: number, width: number, slot: number): MInst {
  const m = mslot(slot);
  if (cls === CLS_GP) return load ? minst('movq', [m, mreg(u, 8)], Dst.Def) : minst('movq', [mreg(u, 8), m], Dst.Use);
  const mn = width === 16 ? 'movups' : 'movsd';
  return load ? minst(mn, [m, mreg(u, 16)], Dst.Def) : minst(mn, [mreg(u, 16), m], Dst.Use);
}

export const X86_64: AllocTarget & { name: string; calleeSaved: number[]; callerSaved: number[]; frameReg: number; stackReg: number } = {
  name: 'x86_64',
  nPhys: FIRST_VREG,
  classes: [GP_ORDER, SSE_ORDER],
  untracked: (u) => u === RSP || u === RBP,
  spillLoad: (u, cls, w, s) => spillInst(true, u, cls, w, s),
  spillStore: (u, cls, w, s) => spillInst(false, u, cls, w, s),
  calleeSaved: CALLEE_SAVED,
  callerSaved: CALLER_SAVED,
  frameReg: RBP,
  stackReg: RSP,
};
