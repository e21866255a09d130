// Semantics of the pure ops on constant operands: one definition that the constant folder
// (src/opt) and the interpreter (interp.ts) share. Integers are bigints normalised to their type
// (BigInt.asIntN), floats are bit patterns (bigint) computed by src/numeric's exact soft-float.
// `undefined` means "no value": division by zero, signed overflow of division, a float-to-integer
// conversion out of range. The folder leaves such instructions alone; the interpreter traps.

import { Op } from './ops';
import { T, bitsOf, floatFormat, isFloat } from './types';
import { fAdd, fSub, fMul, fDiv, fNeg, fCompare, fConvert, fFromInt, fToInt } from '../numeric/index';

const asI = BigInt.asIntN, asU = BigInt.asUintN;

function fmt(t: number) { return floatFormat(t); }

/** Binary op (integer or float arithmetic, comparisons). `ty` is the operand type. */
export function evalBinary(op: number, ty: number, a: bigint, b: bigint, ptrSize: number): bigint | undefined {
  if (isFloat(ty)) {
    const F = fmt(ty);
    switch (op) {
      case Op.FAdd: return fAdd(a, b, F);
      case Op.FSub: return fSub(a, b, F);
      case Op.FMul: return fMul(a, b, F);
      case Op.FDiv: return fDiv(a, b, F);
    }
    const c = fCompare(a, b, F);
    switch (op) {
      case Op.FEq: return c === 0 ? 1n : 0n;
      case Op.FNe: return c === 0 ? 0n : 1n;
      case Op.FLt: return c === -1 ? 1n : 0n;
      case Op.FLe: return c === -1 || c === 0 ? 1n : 0n;
      case Op.FGt: return c === 1 ? 1n : 0n;
      case Op.FGe: return c === 1 || c === 0 ? 1n : 0n;
      case Op.FUo: return c === undefined ? 1n : 0n;
      case Op.FOrd: return c === undefined ? 0n : 1n;
    }
    return undefined;
  }
  const n = bitsOf(ty, ptrSize);
  switch (op) {
    case Op.Add: return asI(n, a + b);
    case Op.Sub: return asI(n, a - b);
    case Op.Mul: return asI(n, a * b);
    case Op.SDiv: { const x = asI(n, a), y = asI(n, b); if (y === 0n || (y === -1n && x === -(1n << BigInt(n - 1)))) return undefined; return asI(n, x / y); }
    case Op.SRem: { const x = asI(n, a), y = asI(n, b); if (y === 0n || (y === -1n && x === -(1n << BigInt(n - 1)))) return undefined; return asI(n, x % y); }
    case Op.UDiv: { const y = asU(n, b); if (y === 0n) return undefined; return asI(n, asU(n, a) / y); }
    case Op.URem: { const y = asU(n, b); if (y === 0n) return undefined; return asI(n, asU(n, a) % y); }
    case Op.And: return asI(n, a & b);
    case Op.Or: return asI(n, a | b);
    case Op.Xor: return asI(n, a ^ b);
    case Op.Shl: return asI(n, a << (asU(n, b) % BigInt(n)));
    case Op.LShr: return asI(n, asU(n, a) >> (asU(n, b) % BigInt(n)));
    case Op.AShr: return asI(n, asI(n, a) >> (asU(n, b) % BigInt(n)));
    case Op.Eq: return asI(n, a) === asI(n, b) ? 1n : 0n;
    case Op.Ne: return asI(n, a) !== asI(n, b) ? 1n : 0n;
    case Op.Slt: return asI(n, a) < asI(n, b) ? 1n : 0n;
    case Op.Sle: return asI(n, a) <= asI(n, b) ? 1n : 0n;
    case Op.Sgt: return asI(n, a) > asI(n, b) ? 1n : 0n;
    case Op.Sge: return asI(n, a) >= asI(n, b) ? 1n : 0n;
    case Op.Ult: return asU(n, a) < asU(n, b) ? 1n : 0n;
    case Op.Ule: return asU(n, a) <= asU(n, b) ? 1n : 0n;
    case Op.Ugt: return asU(n, a) > asU(n, b) ? 1n : 0n;
    case Op.Uge: return asU(n, a) >= asU(n, b) ? 1n : 0n;
  }
  return undefined;
}

/** Unary op or conversion: result type `ty`, operand type `src`. */
export function evalUnary(op: number, ty: number, src: number, a: bigint, ptrSize: number): bigint | undefined {
  const n = isFloat(ty) ? 0 : bitsOf(ty, ptrSize);
  const sn = isFloat(src) ? 0 : bitsOf(src, ptrSize);
  switch (op) {
    case Op.Neg: return asI(n, -a);
    case Op.Not: return asI(n, ~a);
    case Op.FNeg: return fNeg(a, fmt(ty));
    case Op.Bswap: { let x = asU(n, a), r = 0n; for (let k = 0; k < n; k += 8) { r = (r << 8n) | (x & 255n); x >>= 8n; } return asI(n, r); }
    case Op.Clz: { const x = asU(n, a); let k = 0; while (k < n && !((x >> BigInt(n - 1 - k)) & 1n)) k++; return BigInt(k); }
    case Op.Ctz: { const x = asU(n, a); let k = 0; while (k < n && !((x >> BigInt(k)) & 1n)) k++; return BigInt(k); }
    case Op.Popcnt: { let x = asU(n, a), k = 0n; while (x) { k += x & 1n; x >>= 1n; } return k; }
    case Op.Copy: return a;
    case Op.Trunc: case Op.SExt: return asI(n, a);
    case Op.ZExt: case Op.PtrToInt: case Op.IntToPtr: return asI(n, asU(sn, a));
    case Op.FPTrunc: case Op.FPExt: return fConvert(a, fmt(src), fmt(ty));
    case Op.SIToFP: return fFromInt(asI(sn, a), fmt(ty));
    case Op.UIToFP: return fFromInt(asU(sn, a), fmt(ty));
    case Op.FPToSI: return fToInt(a, fmt(src), n, true);
    case Op.FPToUI: { const v = fToInt(a, fmt(src), n, false); return v === undefined ? undefined : asI(n, v); }
    case Op.Bitcast: return isFloat(ty) ? asU(bitsOf(src, ptrSize), a) : asI(n, a);
    case Op.IsConst: return 1n; // evaluated only when the operand is a constant
  }
  return undefined;
}

export { T };
