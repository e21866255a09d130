// Local algebraic simplification of integer ops. Constants go to the right of commutative ops, then
// one row per identity (x+0, x*1, x&0, x-x, ...), strength reduction of multiplication and unsigned
// division by powers of two, reassociation of constant additions, and comparisons of comparisons
// against zero. Float ops are left alone (x+0.0 is not x for x = -0.0).

import { Func } from '../ir/module';
import { Op, OPS, F, isIntCompare, isFloatCompare, invertIntCompare, memVolatile } from '../ir/ops';
import { T, bitsOf, bytesOf, isInt } from '../ir/types';
import { CK } from '../ir/module';
import { Replacements } from './util';

function log2(v: bigint): number {
  if (v <= 0n || (v & (v - 1n)) !== 0n) return -1;
  let k = 0;
  while (v > 1n) { v >>= 1n; k++; }
  return k;
}

export function instCombine(f: Func): boolean {
  const rep = new Replacements();
  let changed = false;
  const ps = f.ptrSize;
  for (const b of f.layout) {
    for (const i of f.instrs(b)) {
      const op = f.op[i], ty = f.ty[i];
      if (op === Op.Load) {
        const v = loadConstant(f, i);
        if (v !== undefined) { rep.set(i, v); changed = true; }
        continue;
      }
      if (isFloatCompare(op)) {
        const v = floatCompareFact(f, op, rep.resolve(f.arg(i, 0)), rep.resolve(f.arg(i, 1)));
        if (v !== undefined) { rep.set(i, f.iconst(ty, v ? 1 : 0)); changed = true; }
        continue;
      }
      if (f.blk[i] < 0 || !isInt(ty) || !(OPS[op].flags & F.Pure) || f.argCount[i] !== 2 || op === Op.Select) {
        if ((op === Op.Neg || op === Op.Not) && f.arg(i, 0) >= 0 && f.op[f.arg(i, 0)] === op) { rep.set(i, f.arg(f.arg(i, 0), 0)); changed = true; }
        if (op === Op.Select) {
          const c = f.constInt(f.arg(i, 0));
          if (c !== undefined) { rep.set(i, f.arg(i, c !== 0n ? 1 : 2)); changed = true; }
          else if (f.arg(i, 1) === f.arg(i, 2)) { rep.set(i, f.arg(i, 1)); changed = true; }
        }
        continue;
      }
      let a = rep.resolve(f.arg(i, 0)), c = rep.resolve(f.arg(i, 1));
      if (OPS[op].flags & F.Comm && a < 0 && c >= 0) { const t = a; a = c; c = t; f.setArg(i, 0, a); f.setArg(i, 1, c); changed = true; }
      if (isIntCompare(op)) {
        if (a === c) { rep.set(i, f.iconst(ty, op === Op.Eq || op === Op.Sle || op === Op.Sge || op === Op.Ule || op === Op.Uge ? 1 : 0)); changed = true; continue; }
        // (cmp x y) != 0  ->  cmp x y ;  (cmp x y) == 0  ->  inverse cmp
        if ((op === Op.Ne || op === Op.Eq) && f.isIntConst(c, 0n) && a >= 0 && isIntCompare(f.op[a]) && f.ty[a] === f.typeOf(c) && f.ty[a] === ty) {
          if (op === Op.Ne) rep.set(i, a);
          else { f.op[i] = invertIntCompare(f.op[a]); f.setArgs(i, [f.arg(a, 0), f.arg(a, 1)]); }
          changed = true;
        }
        continue;
      }
      const k = f.constInt(c);
      const n = bitsOf(ty, ps);
      const same = (r: number) => { rep.set(i, r); changed = true; };
      if (a === c) {
        if (op === Op.Sub || op === Op.Xor) { same(f.iconst(ty, 0)); continue; }
        if (op === Op.And || op === Op.Or) { same(a); continue; }
      }
      const ka = f.constInt(a);
      // 0 << x, 0 >> x, -1 >>(arithmetic) x
      if (ka !== undefined && ((ka === 0n && (op === Op.Shl || op === Op.LShr || op === Op.AShr)) || (ka === -1n && op === Op.AShr))) { same(a); continue; }
      if (k === undefined) continue;
      switch (op) {
        case Op.Add: case Op.Or: case Op.Xor: case Op.Shl: case Op.LShr: case Op.AShr:
          if (k === 0n) { same(a); continue; }
          if (op === Op.Add && a >= 0 && f.op[a] === Op.Add && f.constInt(f.arg(a, 1)) !== undefined) {
            f.setArgs(i, [f.arg(a, 0), f.iconst(ty, f.constInt(f.arg(a, 1))! + k)]); changed = true;
          }
          break;
        case Op.Sub:
          if (k === 0n) { same(a); continue; }
          f.op[i] = Op.Add; f.setArg(i, 1, f.iconst(ty, -k)); changed = true;
          break;
        case Op.Mul: {
          if (k === 1n) { same(a); continue; }
          if (k === 0n) { same(c); continue; }
          const l = log2(BigInt.asUintN(n, k));
          if (l > 0) { f.op[i] = Op.Shl; f.setArg(i, 1, f.iconst(ty, l)); changed = true; }
          break;
        }
        case Op.SDiv: if (k === 1n) same(a); break;
        case Op.UDiv: {
          if (k === 1n) { same(a); continue; }
          const l = log2(BigInt.asUintN(n, k));
          if (l > 0) { f.op[i] = Op.LShr; f.setArg(i, 1, f.iconst(ty, l)); changed = true; }
          break;
        }
        case Op.URem: {
          const l = log2(BigInt.asUintN(n, k));
          if (l >= 0) { f.op[i] = Op.And; f.setArg(i, 1, f.iconst(ty, BigInt.asUintN(n, k) - 1n)); changed = true; }
          break;
        }
        case Op.And:
          if (k === 0n) { same(c); continue; }
          if (k === -1n) { same(a); continue; }
          break;
      }
    }
  }
  rep.apply(f);
  return changed;
}

/** A non-volatile integer or f32/f64 load from a constant address inside a read-only, initialised,
 *  non-weak data object of this module (a `const` global) gives the initialiser's bytes. */
function loadConstant(f: Func, i: number): number | undefined {
  const p = f.arg(i, 0), ty = f.ty[i];
  if (p >= 0 || f.cKind[~p] !== CK.Sym || memVolatile(f.aux[i])) return undefined;
  if (!(isInt(ty) && ty !== T.I128) && ty !== T.F32 && ty !== T.F64) return undefined;
  const d = f.module.data.find((o) => o.name === f.cVal[~p]);
  if (!d || !d.readonly || d.linkage === 'weak' || d.linkage === 'common' || d.tls || d.section) return undefined;
  const off = f.cOff[~p], n = bytesOf(ty, f.ptrSize);
  if (off < 0 || off + n > d.size || d.relocs.some((r) => r.off < off + n && r.off + r.size > off)) return undefined;
  let v = 0n;
  for (let k = n - 1; k >= 0; k--) v = (v << 8n) | BigInt(d.init ? d.init[off + k] : 0);
  return ty === T.F32 || ty === T.F64 ? f.fconst(ty, v) : f.iconst(ty, v);
}

function floatValue(f: Func, r: number): number | undefined {
  if (r >= 0 || f.cKind[~r] !== CK.Float) return undefined;
  const t = f.cType[~r], bits = f.cVal[~r] as bigint;
  const dv = new DataView(new ArrayBuffer(8));
  if (t === T.F64) { dv.setBigUint64(0, BigInt.asUintN(64, bits), true); return dv.getFloat64(0, true); }
  if (t === T.F32) { dv.setUint32(0, Number(BigInt.asUintN(32, bits)), true); return dv.getFloat32(0, true); }
  return undefined;
}

/** x has its sign bit cleared (fabs lowered as bitcast, and, bitcast): x >= 0 or NaN. */
function signClear(f: Func, x: number): boolean {
  if (x < 0 || f.op[x] !== Op.Bitcast) return false;
  const a = f.arg(x, 0);
  if (a < 0 || f.op[a] !== Op.And) return false;
  const m = f.constInt(f.arg(a, 1)), w = bitsOf(f.ty[a], f.ptrSize);
  return m !== undefined && w >= 32 && (BigInt.asUintN(w, m) >> BigInt(w - 1)) === 0n;
}

/** Float comparisons decided by what is known of the operands: a NaN constant, infinities, fabs. */
function floatCompareFact(f: Func, op: number, a: number, c: number): boolean | undefined {
  const va = floatValue(f, a), vc = floatValue(f, c);
  if ((va !== undefined && Number.isNaN(va)) || (vc !== undefined && Number.isNaN(vc))) return op === Op.FNe || op === Op.FUo;
  if (vc === Infinity && op === Op.FGt) return false;
  if (vc === -Infinity && op === Op.FLt) return false;
  if (va === Infinity && op === Op.FLt) return false;
  if (va === -Infinity && op === Op.FGt) return false;
  if (vc !== undefined && signClear(f, a) && ((op === Op.FLt && vc <= 0) || (op === Op.FLe && vc < 0))) return false;
  if (va !== undefined && signClear(f, c) && ((op === Op.FGt && va <= 0) || (op === Op.FGe && va < 0))) return false;
  return undefined;
}

