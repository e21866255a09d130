// The System V AMD64 calling convention (psABI 1.0, section 3.2.3).
//
// Each argument or return value is split into eightbytes, and each eightbyte gets a class from the
// scalar leaves that overlap it: INTEGER (integers, pointers), SSE (float, double, the low half of
// __float128), SSEUP (the high half of __float128), X87 / X87UP (the two halves of long double).
// Merging two classes in one eightbyte: equal stays; NO_CLASS yields to the other; MEMORY wins;
// INTEGER wins; X87 anything gives MEMORY; else SSE. After merging: any MEMORY, an aggregate larger
// than 16 bytes, X87UP without X87 before it, or a misaligned field makes the whole value MEMORY.
//
// Arguments: INTEGER eightbytes go in rdi rsi rdx rcx r8 r9, SSE ones in xmm0..xmm7; an argument
// whose eightbytes do not all fit goes entirely on the stack (in 8-byte slots, 16-aligned when the
// type is). MEMORY and X87 arguments are always on the stack. A variadic call sets %al to an upper
// bound of the vector registers used.
// Returns: INTEGER in rax then rdx, SSE in xmm0 then xmm1, X87 in st(0); MEMORY: the caller passes the
// destination in rdi (a hidden first argument) and the callee returns it in rax.
// GNU nested functions: a signature with SigFlag.StaticChain takes its first argument (the static
// chain, a pointer) in %r10, outside the classification (what gcc does; trampolines load %r10).

import { Module, AbiType } from '../../src/ir/module';
import { T } from '../../src/ir/types';

export const enum AC { NoClass, Integer, SSE, SSEUp, X87, X87Up, Memory }

/** Register units (targets/x86/target.ts numbering): general registers by number, xmm at 16+n. */
export const GP_ARGS = [7, 6, 2, 1, 8, 9];
export const SSE_ARGS = [16, 17, 18, 19, 20, 21, 22, 23];
/** The static chain register. */
export const R10 = 10;

export interface Piece {
  /** AC.Integer or AC.SSE (SSEUP is folded into its SSE piece, size 16). */
  cls: AC;
  /** Register unit, or -1 (stack). */
  reg: number;
  /** Offset of the piece in the value. */
  off: number;
  /** Bytes of the value in this piece. */
  size: number;
}

export interface ArgLoc {
  abi: number;
  /** 'reg': in registers (pieces); 'stack': in the argument area at stackOff (size bytes). */
  where: 'reg' | 'stack';
  pieces: Piece[];
  stackOff: number;
  size: number;
  align: number;
  struct: boolean;
  ty: number;
}

export interface RetLoc {
  where: 'void' | 'reg' | 'x87' | 'sret';
  pieces: Piece[];
}

export interface CallLayout {
  args: ArgLoc[];
  ret: RetLoc;
  /** Bytes of stack arguments (rounded to 16). */
  stackBytes: number;
  /** Registers used by the named (fixed) arguments: for va_start. */
  fixedGp: number;
  fixedSse: number;
  fixedStack: number;
  /** SSE registers used in all (for %al). */
  sseUsed: number;
}

function merge(a: AC, b: AC): AC {
  if (a === b) return a;
  if (a === AC.NoClass) return b;
  if (b === AC.NoClass) return a;
  if (a === AC.Memory || b === AC.Memory) return AC.Memory;
  if (a === AC.Integer || b === AC.Integer) return AC.Integer;
  if (a === AC.X87 || a === AC.X87Up || b === AC.X87 || b === AC.X87Up) return AC.Memory;
  return AC.SSE;
}

function scalarInfo(ty: number): { size: number; align: number; cls: AC[] } {
  switch (ty) {
    case T.I8: return { size: 1, align: 1, cls: [AC.Integer] };
    case T.I16: return { size: 2, align: 2, cls: [AC.Integer] };
    case T.I32: return { size: 4, align: 4, cls: [AC.Integer] };
    case T.I64: case T.Ptr: return { size: 8, align: 8, cls: [AC.Integer] };
    case T.I128: return { size: 16, align: 16, cls: [AC.Integer, AC.Integer] };
    case T.F32: return { size: 4, align: 4, cls: [AC.SSE] };
    case T.F64: return { size: 8, align: 8, cls: [AC.SSE] };
    case T.F80: return { size: 16, align: 16, cls: [AC.X87, AC.X87Up] };
    case T.F128: return { size: 16, align: 16, cls: [AC.SSE, AC.SSEUp] };
  }
  return { size: 0, align: 1, cls: [] };
}

/** Eightbyte classes of an ABI type (all AC.Memory when passed in memory). */
export function classify(a: AbiType): { cls: AC[]; size: number; align: number } {
  if (a.kind === 'scalar') return scalarInfo(a.ty);
  if (a.kind === 'void') return { cls: [], size: 0, align: 1 };
  const size = a.size, n = Math.ceil(size / 8);
  const mem = { cls: new Array(Math.max(n, 1)).fill(AC.Memory), size, align: a.align };
  if (size > 16 || size === 0) return mem;
  const cls: AC[] = new Array(n).fill(AC.NoClass);
  for (const fl of a.fields) {
    const si = scalarInfo(fl.ty);
    if (fl.off % si.align !== 0) return mem;
    if (fl.ty === T.F80) { cls[fl.off >> 3] = merge(cls[fl.off >> 3], AC.X87); if ((fl.off >> 3) + 1 < n) cls[(fl.off >> 3) + 1] = merge(cls[(fl.off >> 3) + 1], AC.X87Up); continue; }
    if (fl.ty === T.F128 || fl.ty === T.I128) { for (let k = 0; k < 2 && (fl.off >> 3) + k < n; k++) cls[(fl.off >> 3) + k] = merge(cls[(fl.off >> 3) + k], si.cls[k]); continue; }
    const k0 = fl.off >> 3, k1 = (fl.off + si.size - 1) >> 3;
    for (let k = k0; k <= k1 && k < n; k++) cls[k] = merge(cls[k], si.cls[0]);
  }
  for (let k = 0; k < n; k++) {
    if (cls[k] === AC.Memory) return mem;
    if (cls[k] === AC.X87Up && (k === 0 || cls[k - 1] !== AC.X87)) return mem;
    if (cls[k] === AC.SSEUp && (k === 0 || (cls[k - 1] !== AC.SSE && cls[k - 1] !== AC.SSEUp))) cls[k] = AC.SSE;
    if (cls[k] === AC.NoClass) cls[k] = AC.SSE; // padding-only eightbyte: gcc gives it SSE
  }
  return { cls, size, align: a.align };
}

function piecesOf(cls: AC[], size: number, gp: number[], sse: number[]): Piece[] {
  const out: Piece[] = [];
  let gi = 0, si = 0;
  for (let k = 0; k < cls.length; k++) {
    const c = cls[k], off = k * 8, sz = Math.min(8, size - off);
    if (c === AC.Integer) out.push({ cls: AC.Integer, reg: gp[gi++], off, size: sz });
    else if (c === AC.SSE) {
      if (k + 1 < cls.length && cls[k + 1] === AC.SSEUp) { out.push({ cls: AC.SSE, reg: sse[si++], off, size: 16 }); k++; }
      else out.push({ cls: AC.SSE, reg: sse[si++], off, size: sz });
    }
  }
  return out;
}

/** Lays out a call (or a function's incoming parameters) with signature `sigIdx`. */
export function layoutCall(m: Module, sigIdx: number): CallLayout {
  const sig = m.sigs[sigIdx];
  const rt = m.abiTypes[sig.ret];
  let gp = 0, sse = 0, stack = 0;
  let ret: RetLoc;
  if (rt.kind === 'void') ret = { where: 'void', pieces: [] };
  else {
    const c = classify(rt);
    if (c.cls[0] === AC.Memory) { ret = { where: 'sret', pieces: [] }; gp = 1; }
    else if (c.cls[0] === AC.X87) ret = { where: 'x87', pieces: [] };
    else ret = { where: 'reg', pieces: piecesOf(c.cls, rt.kind === 'struct' ? c.size : Math.max(c.size, 1), [0, 2], [16, 17]) };
  }
  const args: ArgLoc[] = [];
  let fixedGp = 0, fixedSse = 0, fixedStack = 0;
  for (let k = 0; k < sig.params.length; k++) {
    if (k === 0 && sig.flags & 4 /* SigFlag.StaticChain */) {
      args.push({ abi: sig.params[0], where: 'reg', pieces: [{ cls: AC.Integer, reg: R10, off: 0, size: 8 }], stackOff: 0, size: 8, align: 8, struct: false, ty: T.Ptr });
      continue;
    }
    if (k === sig.nfixed) { fixedGp = gp; fixedSse = sse; fixedStack = stack; }
    const a = m.abiTypes[sig.params[k]];
    const c = classify(a);
    const isStruct = a.kind === 'struct';
    const ty = isStruct ? T.Void : a.ty;
    let ng = 0, ns = 0;
    for (let j = 0; j < c.cls.length; j++) {
      if (c.cls[j] === AC.Integer) ng++;
      else if (c.cls[j] === AC.SSE) ns++;
    }
    const inMem = c.cls[0] === AC.Memory || c.cls[0] === AC.X87;
    if (!inMem && gp + ng <= 6 && sse + ns <= 8) {
      const pieces = piecesOf(c.cls, c.size, GP_ARGS.slice(gp), SSE_ARGS.slice(sse));
      gp += ng; sse += ns;
      args.push({ abi: sig.params[k], where: 'reg', pieces, stackOff: 0, size: c.size, align: c.align, struct: isStruct, ty });
    } else {
      const al = Math.max(8, c.align > 8 ? 16 : 8);
      stack = Math.ceil(stack / al) * al;
      args.push({ abi: sig.params[k], where: 'stack', pieces: [], stackOff: stack, size: c.size, align: c.align, struct: isStruct, ty });
      stack += Math.ceil(c.size / 8) * 8;
    }
  }
  if (sig.nfixed < 0 || sig.nfixed >= sig.params.length) { fixedGp = gp; fixedSse = sse; fixedStack = stack; }
  return { args, ret, stackBytes: Math.ceil(stack / 16) * 16, fixedGp, fixedSse, fixedStack, sseUsed: sse };
}
