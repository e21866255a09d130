// Static initialisers: a flattened InitItem list (docs/AST.md) becomes the bytes of a data object plus
// relocations for address constants. Integer and floating constants come folded from the parser (`val`,
// `fval`); address constants are evaluated by the parser's addrConst(); bit-fields are OR-ed into their
// storage bytes; string literals initialising char arrays are copied unit by unit; compound literals and
// const objects named in an initialiser are expanded in place (gcc folds them the same way).

import { CK, InitItem, LabelInfo, NK, Node, Obj, StrLit } from '../parse/ast';
import { addrConst } from '../parse/expr';
import { TY, Type, isInteger } from '../parse/types';
import { Reloc } from '../ir/module';
import * as num from '../numeric';

export interface SymCtx {
  ptrSize: 4 | 8;
  /** Symbol name of a file-scope (or static local) object or function, noted as referenced. */
  noteRef(o: Obj): string;
  /** Data label of a string literal (emitted on first use). */
  strLabel(s: StrLit): string;
  /** Function and block name of a label whose address is taken. */
  labelRef(l: LabelInfo): { fn: string; block: string };
  floatFormat(t: Type): 'f32' | 'f64' | 'x87' | 'f128';
  /** Report an initialiser the lowering cannot evaluate. */
  error(n: Node, msg: string): void;
}

export class DataImage {
  bytes: Uint8Array;
  relocs: Reloc[] = [];
  constructor(size: number) { this.bytes = new Uint8Array(Math.max(size, 0)); }

  writeInt(off: number, size: number, v: bigint): void {
    let x = BigInt.asUintN(size * 8, v);
    for (let k = 0; k < size && off + k < this.bytes.length; k++) { this.bytes[off + k] = Number(x & 255n); x >>= 8n; }
  }
  readInt(off: number, size: number): bigint {
    let v = 0n;
    for (let k = size - 1; k >= 0; k--) v = (v << 8n) | BigInt(off + k < this.bytes.length ? this.bytes[off + k] : 0);
    return v;
  }
  /** Inserts `width` bits of v at bit `bit` of the little-endian storage starting at byte off. */
  writeBits(off: number, bit: number, width: number, v: bigint): void {
    const span = Math.ceil((bit + width) / 8);
    const mask = ((1n << BigInt(width)) - 1n) << BigInt(bit);
    const old = this.readInt(off, span);
    this.writeInt(off, span, (old & ~mask) | ((BigInt.asUintN(width, v) << BigInt(bit)) & mask));
  }
  isZero(): boolean {
    if (this.relocs.length) return false;
    for (let k = 0; k < this.bytes.length; k++) if (this.bytes[k]) return false;
    return true;
  }
}

function strip(n: Node): Node {
  while (n.kind === NK.Cast && (n.ck === CK.NoOp || n.ck === CK.Load) && n.lhs) n = n.lhs;
  return n;
}

/** Fills `img` at `base` with the items of a static initialiser. */
export function emitStaticInit(ctx: SymCtx, img: DataImage, base: number, items: InitItem[]): void {
  for (const it of items) emitItem(ctx, img, base + it.offset, it);
}

function emitItem(ctx: SymCtx, img: DataImage, off: number, it: InitItem): void {
  const e = it.expr, ty = it.ty;
  if (it.bitWidth >= 0) {
    if (e.val === null) { ctx.error(e, 'initializer element is not constant'); return; }
    img.writeBits(off, it.bitOffset, it.bitWidth, e.val);
    return;
  }
  if (e.kind === NK.StrLit && (ty.kind === TY.Array)) { writeString(img, off, e.str!, ty.len < 0 ? -1 : ty.size); return; }
  switch (ty.kind) {
    case TY.Struct: case TY.Union: case TY.Array: case TY.Vector: {
      const s = strip(e);
      if (s.kind === NK.CompoundLit && s.obj!.init) { emitStaticInit(ctx, img, off, s.obj!.init); return; }
      if (s.kind === NK.Var && s.obj!.init) { emitStaticInit(ctx, img, off, s.obj!.init); return; }
      if (s.kind === NK.StrLit) { writeString(img, off, s.str!, ty.size); return; }
      ctx.error(e, 'initializer element is not constant');
      return;
    }
    case TY.Complex: {
      if (isInteger(ty.base!)) { // _Complex char/int/...: integer parts
        const ci = intComplexConst(ctx, e);
        if (!ci) { ctx.error(e, 'initializer element is not constant'); return; }
        img.writeInt(off, ty.base!.size, ci[0]);
        img.writeInt(off + ty.base!.size, ty.base!.size, ci[1]);
        return;
      }
      const c = complexConst(ctx, e, ty);
      if (!c) { ctx.error(e, 'initializer element is not constant'); return; }
      const h = ty.base!.size;
      img.writeInt(off, fBytes(ctx, ty.base!), c[0]);
      img.writeInt(off + h, fBytes(ctx, ty.base!), c[1]);
      return;
    }
    case TY.Float: case TY.Double: case TY.LDouble: case TY.Float128: {
      const v = floatConst(ctx, e, ty);
      if (v === null) { ctx.error(e, 'initializer element is not constant'); return; }
      img.writeInt(off, fBytes(ctx, ty), v);
      return;
    }
  }
  // integers and pointers
  if (e.val !== null) { img.writeInt(off, ty.size, e.val); return; }
  const diff = labelDiff(e);
  if (diff) {
    if (ty.size !== 4 && ty.size !== 8) { ctx.error(e, 'initializer element is not computable at load time'); return; }
    const r = ctx.labelRef(diff.plus), s = ctx.labelRef(diff.minus);
    if (r.fn !== s.fn) { ctx.error(e, 'initializer element is not constant'); return; }
    img.relocs.push({ off, size: ty.size as 4 | 8, sym: r.fn, addend: Number(diff.offset), block: r.block, minusBlock: s.block });
    return;
  }
  const a = addrConst(e);
  if (!a) {
    const f = floatToIntConst(ctx, e, ty);
    if (f !== null) { img.writeInt(off, ty.size, f); return; }
    ctx.error(e, 'initializer element is not constant');
    return;
  }
  if (a.base === null) { img.writeInt(off, ty.size, a.offset); return; }
  if (ty.size !== 4 && ty.size !== 8) { ctx.error(e, 'initializer element is not computable at load time'); return; }
  const size = ty.size as 4 | 8;
  if (a.base instanceof LabelInfo) {
    const r = ctx.labelRef(a.base);
    img.relocs.push({ off, size, sym: r.fn, addend: Number(a.offset), block: r.block });
  } else if (a.base instanceof Obj) {
    img.relocs.push({ off, size, sym: ctx.noteRef(a.base), addend: Number(a.offset) });
  } else {
    img.relocs.push({ off, size, sym: ctx.strLabel((a.base as Node).str!), addend: Number(a.offset) });
  }
}

/** GNU `&&a - &&b` plus or minus integer constants, maybe converted to other integer types. */
function labelDiff(e: Node): { plus: LabelInfo; minus: LabelInfo; offset: bigint } | null {
  while (e.kind === NK.Cast && e.ck === CK.Convert && isInteger(e.ty) && isInteger(e.lhs!.ty)) e = e.lhs!;
  if ((e.kind === NK.Add || e.kind === NK.Sub) && isInteger(e.ty)) {
    const k = e.rhs!.val ?? (e.kind === NK.Add ? e.lhs!.val : null);
    const d = k === null ? null : labelDiff(k === e.rhs!.val ? e.lhs! : e.rhs!);
    if (d && k !== null) { d.offset += e.kind === NK.Add ? k : -k; return d; }
  }
  if (e.kind !== NK.Sub || e.lhs!.ty.kind !== TY.Pointer || e.rhs!.ty.kind !== TY.Pointer) return null;
  const et = e.lhs!.ty.base!;
  if (et.size !== 1 && et.kind !== TY.Void) return null;
  const a = addrConst(e.lhs!), b = addrConst(e.rhs!);
  if (!a || !b || !(a.base instanceof LabelInfo) || !(b.base instanceof LabelInfo)) return null;
  return { plus: a.base, minus: b.base, offset: a.offset - b.offset };
}

function fBytes(ctx: SymCtx, t: Type): number {
  const f = ctx.floatFormat(t);
  return f === 'f32' ? 4 : f === 'f64' ? 8 : f === 'x87' ? 10 : 16;
}

export function writeString(img: DataImage, off: number, s: StrLit, size: number): void {
  const es = s.elem.size;
  const n = size < 0 ? s.units.length : Math.min(s.units.length, Math.floor(size / es));
  for (let k = 0; k < n; k++) img.writeInt(off + k * es, es, BigInt(s.units[k]));
}

/** Bits of a floating constant expression converted to `ty`. */
export function floatConst(ctx: SymCtx, e: Node, ty: Type): bigint | null {
  const to = ctx.floatFormat(ty);
  if (e.fval !== null && e.ty.kind !== TY.Complex) {
    const from = ctx.floatFormat(e.ty);
    return from === to ? e.fval : num.fConvert(e.fval, from, to);
  }
  if (e.val !== null && isInteger(e.ty)) return num.fFromInt(e.val, to);
  if (e.kind === NK.Cast && e.ck === CK.Convert) {
    const s = e.lhs!;
    if (s.ty.kind === TY.Complex) { const c = complexConst(ctx, s, s.ty); return c ? num.fConvert(c[0], ctx.floatFormat(s.ty.base!), to) : null; }
    if (s.val !== null && isInteger(s.ty)) return num.fFromInt(s.val, to);
    if (s.fval !== null) return num.fConvert(s.fval, ctx.floatFormat(s.ty), to);
    const inner = floatConst(ctx, s, s.ty.kind >= TY.Float && s.ty.kind <= TY.Float128 ? s.ty : ty);
    if (inner !== null && s.ty.kind >= TY.Float && s.ty.kind <= TY.Float128) return num.fConvert(inner, ctx.floatFormat(s.ty), to);
  }
  if (e.kind === NK.Neg) { const v = floatConst(ctx, e.lhs!, ty); return v === null ? null : num.fNeg(v, to); }
  if (e.kind === NK.Plus || e.kind === NK.Generic) return floatConst(ctx, e.lhs!, ty);
  if (e.kind >= NK.Add && e.kind <= NK.Div && e.lhs && e.rhs) {
    const a = floatConst(ctx, e.lhs, ty), b = floatConst(ctx, e.rhs, ty);
    if (a === null || b === null) return null;
    switch (e.kind) {
      case NK.Add: return num.fAdd(a, b, to);
      case NK.Sub: return num.fSub(a, b, to);
      case NK.Mul: return num.fMul(a, b, to);
      case NK.Div: return num.fDiv(a, b, to);
    }
  }
  return null;
}

function floatToIntConst(ctx: SymCtx, e: Node, ty: Type): bigint | null {
  if (e.kind !== NK.Cast || e.ck !== CK.Convert) return null;
  const s = e.lhs!;
  if (s.ty.kind < TY.Float || s.ty.kind > TY.Float128) return null;
  const v = floatConst(ctx, s, s.ty);
  if (v === null) return null;
  if (ty.kind === TY.Bool) return num.fIsZero(v, ctx.floatFormat(s.ty)) ? 0n : 1n;
  return num.fToInt(v, ctx.floatFormat(s.ty), ty.size * 8, true) ?? num.fToInt(v, ctx.floatFormat(s.ty), ty.size * 8, false) ?? 0n;
}

/** [real, imag] of a constant complex expression as (unwrapped) integers, for integer components. */
function intComplexConst(ctx: SymCtx, e: Node): [bigint, bigint] | null {
  if (e.ty.kind !== TY.Complex) {
    if (e.val !== null && isInteger(e.ty)) return [e.val, 0n];
    const f = e.fval !== null ? num.fToInt(e.fval, ctx.floatFormat(e.ty), 64, true) : undefined;
    return f === undefined ? null : [f, 0n];
  }
  const bt = e.ty.base!;
  switch (e.kind) {
    case NK.IntConst: return [0n, e.val!];
    case NK.FloatConst: { const v = num.fToInt(e.fval!, ctx.floatFormat(bt), 64, true); return v === undefined ? null : [0n, v]; }
    case NK.Cast: {
      if (e.ck !== CK.Convert && e.ck !== CK.NoOp) return null;
      const s = e.lhs!;
      if (s.ty.kind === TY.Complex && !isInteger(s.ty.base!)) {
        const c = complexConst(ctx, s, s.ty), sf = ctx.floatFormat(s.ty.base!);
        const re = c && num.fToInt(c[0], sf, 64, true), im = c && num.fToInt(c[1], sf, 64, true);
        return re === null || im === null || re === undefined || im === undefined ? null : [re, im];
      }
      return intComplexConst(ctx, s);
    }
    case NK.Neg: { const c = intComplexConst(ctx, e.lhs!); return c ? [-c[0], -c[1]] : null; }
    case NK.Add: case NK.Sub: case NK.Mul: {
      const a = intComplexConst(ctx, e.lhs!), b = intComplexConst(ctx, e.rhs!);
      if (!a || !b) return null;
      if (e.kind === NK.Add) return [a[0] + b[0], a[1] + b[1]];
      if (e.kind === NK.Sub) return [a[0] - b[0], a[1] - b[1]];
      return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
    }
  }
  return null;
}

/** [real, imag] bits of a constant complex expression, in the format of ty's component. */
export function complexConst(ctx: SymCtx, e: Node, ty: Type): [bigint, bigint] | null {
  const bt = ty.kind === TY.Complex ? ty.base! : ty;
  const fmt = ctx.floatFormat(bt);
  const zero = num.fFromInt(0n, fmt);
  if (e.ty.kind !== TY.Complex) {
    const r = floatConst(ctx, e, bt);
    return r === null ? null : [r, zero];
  }
  switch (e.kind) {
    case NK.FloatConst: return [zero, num.fConvert(e.fval!, ctx.floatFormat(e.ty.base!), fmt)];
    case NK.IntConst: return [zero, num.fFromInt(e.val!, fmt)];
    case NK.Cast: {
      if (e.ck !== CK.Convert && e.ck !== CK.NoOp) return null;
      const s = e.lhs!;
      if (s.ty.kind === TY.Complex) {
        const c = complexConst(ctx, s, s.ty);
        if (!c) return null;
        const sf = ctx.floatFormat(s.ty.base!);
        return [num.fConvert(c[0], sf, fmt), num.fConvert(c[1], sf, fmt)];
      }
      const r = floatConst(ctx, s, bt);
      return r === null ? null : [r, zero];
    }
    case NK.Neg: { const c = complexConst(ctx, e.lhs!, ty); return c ? [num.fNeg(c[0], fmt), num.fNeg(c[1], fmt)] : null; }
    case NK.Add: case NK.Sub: case NK.Mul: {
      const a = complexConst(ctx, e.lhs!, ty), b = complexConst(ctx, e.rhs!, ty);
      if (!a || !b) return null;
      if (e.kind === NK.Add) return [num.fAdd(a[0], b[0], fmt), num.fAdd(a[1], b[1], fmt)];
      if (e.kind === NK.Sub) return [num.fSub(a[0], b[0], fmt), num.fSub(a[1], b[1], fmt)];
      return [num.fSub(num.fMul(a[0], b[0], fmt), num.fMul(a[1], b[1], fmt), fmt), num.fAdd(num.fMul(a[0], b[1], fmt), num.fMul(a[1], b[0], fmt), fmt)];
    }
    case NK.Builtin: {
      if (e.list && e.list.length === 2) {
        const a = floatConst(ctx, e.list[0], bt), b = floatConst(ctx, e.list[1], bt);
        if (a !== null && b !== null) return [a, b];
      }
      return null;
    }
  }
  return null;
}
