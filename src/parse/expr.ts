// Expressions: parsing (precedence climbing over an operator table for the binary operators, one
// function per grammar rule for the rest) and their semantics: every operand goes through the
// conversions C17 6.3 prescribes, each made explicit as an NK.Cast node, and every node gets its type
// and, when it is an integer or floating constant expression, its folded value (`val` / `fval`).
//
// Raw nodes (what `expr`/`assign` return) are not yet lvalue-converted: `typeof`, `sizeof` and `&`
// need them that way. Operator builders call `rvalue` on their operands.

import { checkFormatCall } from './format';
import { warnAddressCompare, warnCommaLhs, warnComparison, warnCondSign, warnParentheses, warnTruth } from './warn';
import { TK, Token } from '../lex/token';
import { CK, NK, Node, Obj, SC, Linkage, LabelInfo } from './ast';
import { KW, Parser } from './state';
import {
  Q, TY, Type, compatible, isArith, isComplete, isFloating, isInteger, isPointer, isRealFloat,
  isRecord, isScalar, isUnsigned, isVM, isVarSize, qualify, quoteType, unqualified, intRank, typeToString,
} from './types';
import { findMember, directMember } from './layout';
import { charLiteral, intNode, numberLiteral, stringLiteral, wrapInt } from './literal';
import { declSpec, declarator, isTypeNameStart, typeName, typeAlign } from './decl';
import { compoundLiteralInit } from './init';
import { compoundStmt, getLabel } from './stmt';
import { warnBoolOperation, warnCastFunctionType, warnShiftOverflow, warnTypeLimits } from './warn-extra';
import { builtinCall, getBuiltin, implicitBuiltinType, specialBuiltin, isGenericBuiltin, foldBuiltin } from './builtins';
import * as num from '../numeric';

export function newNode(kind: NK, tok: Token, ty: Type): Node {
  return new Node(kind, tok, ty);
}

// ---------------------------------------------------------------------------------------------
// Conversions

/** Lvalue conversion, array-to-pointer and function-to-pointer decay (C17 6.3.2.1). */
export function rvalue(p: Parser, n: Node): Node {
  const t = n.ty;
  if (t.kind === TY.Array) {
    const c = newNode(NK.Cast, n.tok, p.T.pointerTo(t.base!));
    c.ck = CK.ArrayDecay;
    c.lhs = n;
    return c;
  }
  if (t.kind === TY.Func) {
    const c = newNode(NK.Cast, n.tok, p.T.pointerTo(t));
    c.ck = CK.FuncDecay;
    c.lhs = n;
    return c;
  }
  if (n.lvalue) {
    const c = newNode(NK.Cast, n.tok, unqualified(t));
    c.ck = CK.Load;
    c.lhs = n;
    // a const-qualified variable is not a constant expression in C, but gcc folds enum-like uses only
    return c;
  }
  return n;
}

/** Is `n` (an rvalue) a null pointer constant? */
export function isNullPtrConst(n: Node): boolean {
  if (n.val !== 0n) return false;
  if (isInteger(n.ty)) return isIntConstExpr(n);
  if (n.ty.kind === TY.Pointer && n.ty.base!.kind === TY.Void && n.ty.base!.qual === 0 && n.kind === NK.Cast && n.explicit) {
    return n.lhs !== null && isInteger(n.lhs.ty) && isIntConstExpr(n.lhs);
  }
  return false;
}

/** Integer constant expression in the strict sense (no address constants folded to integers). */
function isIntConstExpr(n: Node): boolean {
  return n.val !== null && !(n.kind === NK.Cast && n.lhs !== null && n.lhs.ty.kind === TY.Pointer);
}

function isBitField(n: Node): boolean {
  return n.kind === NK.Member && n.member!.bitWidth >= 0;
}

/** Integer promotion (C17 6.3.1.1p2) of an rvalue. */
export function promote(p: Parser, n: Node): Node {
  const t = n.ty;
  const T = p.T;
  if (t.kind === TY.Enum) {
    const b = t.base ?? T.uint;
    return intRank(b) < 4 ? convertTo(p, n, T.int) : convertTo(p, n, b);
  }
  if (!isInteger(t)) return n;
  // bit-fields narrower than int promote to int
  const src = n.kind === NK.Cast && n.ck === CK.Load ? n.lhs! : n;
  if (isBitField(src)) {
    const w = src.member!.bitWidth;
    if (w < 32) return convertTo(p, n, T.int);
    if (w === 32 && intRank(t) <= 4) return convertTo(p, n, isUnsigned(t) ? T.uint : T.int);
    return n;
  }
  if (intRank(t) < 4) return convertTo(p, n, T.int);
  return n;
}

/** The common real type of the usual arithmetic conversions (C17 6.3.1.8). */
export function commonRealType(p: Parser, a: Type, b: Type): Type {
  const T = p.T;
  if (a.kind === TY.Complex) a = a.base!;
  if (b.kind === TY.Complex) b = b.base!;
  if (isRealFloat(a) || isRealFloat(b)) {
    return floatRank(a) >= floatRank(b) ? (isRealFloat(a) ? a.unqual : b.unqual) : b.unqual;
  }
  a = promotedType(p, a);
  b = promotedType(p, b);
  if (a.kind === b.kind) return a;
  const ua = isUnsigned(a), ub = isUnsigned(b);
  const ra = intRank(a), rb = intRank(b);
  if (ua === ub) return ra >= rb ? a : b;
  const u = ua ? a : b, s = ua ? b : a;
  if ((ua ? ra : rb) >= (ua ? rb : ra)) return u;
  if (s.size > u.size) return s;
  return T.intOfSize(s.size, true).kind === TY.ULong && s.kind === TY.LLong ? T.ullong : unsignedOf(p, s);
}

function floatRank(t: Type): number {
  return t.kind === TY.Float128 ? 4 : t.kind === TY.LDouble ? 3 : t.kind === TY.Double ? 2 : t.kind === TY.Float ? 1 : 0;
}

function unsignedOf(p: Parser, t: Type): Type {
  const T = p.T;
  switch (t.kind) {
    case TY.Int: return T.uint;
    case TY.Long: return T.ulong;
    case TY.LLong: return T.ullong;
    case TY.Int128: return T.uint128;
  }
  return t;
}

function promotedType(p: Parser, t: Type): Type {
  const T = p.T;
  if (t.kind === TY.Enum) { const b = t.base ?? T.uint; return intRank(b) < 4 ? T.int : b.unqual; }
  if (intRank(t) < 4) return T.int;
  return t.unqual;
}

/** Convert an rvalue to type `ty` (implicit conversion), folding constants. */
export function convertTo(p: Parser, n: Node, ty: Type): Node {
  const from = n.ty;
  if (from === ty || (from.unqual === ty.unqual && from.kind !== TY.Struct && from.kind !== TY.Union && from.kind !== TY.Array)) {
    if (from === ty) return n;
    if (from.kind !== TY.Enum && from.qual === ty.qual) return n;
  }
  const c = newNode(NK.Cast, n.tok, ty);
  c.lhs = n;
  if (ty.kind === TY.Void) { c.ck = CK.ToVoid; return c; }
  if (ty.kind === TY.Pointer && isInteger(from) && isNullPtrConst(n)) c.ck = CK.NullPtr;
  else if (ty.kind === TY.Vector || from.kind === TY.Vector) c.ck = CK.Bitcast;
  else if (isRecord(ty) || isRecord(from)) c.ck = ty.kind === TY.Union && from.unqual !== ty.unqual ? CK.ToUnion : CK.NoOp;
  else c.ck = CK.Convert;
  foldCast(p, c);
  return c;
}

/** Fold a conversion of a constant. */
function foldCast(p: Parser, c: Node): void {
  const n = c.lhs!;
  const to = c.ty;
  const from = n.ty;
  if (n.val !== null) {
    if (isInteger(to) || to.kind === TY.Pointer) {
      if (from.kind === TY.Complex) return;
      if (to.kind === TY.Bool) c.val = n.val !== 0n ? 1n : 0n;
      else c.val = wrapInt(n.val, to);
      return;
    }
    if (isRealFloat(to) && (isInteger(from))) {
      c.fval = num.fFromInt(n.val, p.T.floatFormat(to));
      return;
    }
  }
  if (n.fval !== null && isRealFloat(from)) {
    const ff = p.T.floatFormat(from);
    if (isRealFloat(to)) c.fval = num.fConvert(n.fval, ff, p.T.floatFormat(to));
    else if (to.kind === TY.Bool) c.val = num.fIsZero(n.fval, ff) ? 0n : 1n;
    else if (isInteger(to)) {
      const bits = to.size * 8, signed = !isUnsigned(to);
      const v = num.fToInt(n.fval, ff, bits, signed);
      if (v !== undefined) c.val = v;
      else if (num.fIsNaN(n.fval, ff)) c.val = 0n;  // out of range: gcc folds to the nearest end
      else if (num.fSignBit(n.fval, ff)) c.val = signed ? -(1n << BigInt(bits - 1)) : 0n;
      else c.val = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
    }
    return;
  }
  // pointer -> integer of an absolute address (offsetof idiom: (size_t)&((T*)0)->m)
  if (from.kind === TY.Pointer && isInteger(to)) {
    const a = addrConst(n);
    if (a && a.base === null) c.val = wrapInt(a.offset, to);
  }
}

/** Usual arithmetic conversions on two rvalues; returns converted operands and the common type. */
function usualArith(p: Parser, l: Node, r: Node): [Node, Node, Type] {
  // bit-fields promote by their width (int for < 32 bits, whatever their declared type)
  if (isInteger(l.ty)) l = promote(p, l);
  if (isInteger(r.ty)) r = promote(p, r);
  let t = commonRealType(p, l.ty, r.ty);
  if (l.ty.kind === TY.Complex || r.ty.kind === TY.Complex) t = p.T.complexOf(t);
  return [convertTo(p, l, t), convertTo(p, r, t), t];
}

// ---------------------------------------------------------------------------------------------
// Assignment compatibility (C17 6.5.16.1) with gcc's diagnostics for each context.

export const enum Ctx { Assign, Init, Return, Arg }

export interface ArgInfo { fn: Obj | null; index: number; fnTok: Token | null }

// (module-level rather than closures in assignConvert, which would be made on every call)
function argDesc(arg: ArgInfo): string {
  return `passing argument ${arg.index + 1} of '${arg.fn ? arg.fn.name : ''}'`;
}

/** `at`: where the argument's message is (the note of an implicitly declared built-in goes there too:
 *  gcc's built-in declaration has no place of its own). */
function noteArg(p: Parser, arg: ArgInfo | null, ty: Type, from: Type, at: Token): void {
  if (arg && arg.fn && arg.fn.tok) p.note(arg.fn.builtinImplicit ? at : arg.fn.tok, `expected ${quoteType(ty)} but argument is of type ${quoteType(from)}`);
}

function ctxWhat(ctx: Ctx): string {
  return ctx === Ctx.Assign ? 'assignment' : ctx === Ctx.Init ? 'initialization' : ctx === Ctx.Return ? 'return' : 'passing argument';
}

/** Convert `n` (raw or rvalue) for storing into type `ty`, with diagnostics. */
/** `op`: an assignment's operator, where gcc reports its warnings (its errors at the value). */
export function assignConvert(p: Parser, n0: Node, ty: Type, ctx: Ctx, arg: ArgInfo | null = null, op: Token | null = null): Node {
  const n = rvalue(p, n0);
  const from = n.ty;
  const to = unqualified(ty);
  const tok = op ?? n.tok;
  const T = p.T;
  if (to.kind === TY.Void) return n;
  if (isArith(to) && isArith(from)) return convertTo(p, n, to);
  if ((to.kind === TY.Struct || to.kind === TY.Union) && compatible(to, from, true)) return n;
  if (to.kind === TY.Vector && from.kind === TY.Vector && to.size === from.size) return convertTo(p, n, to);
  if (to.kind === TY.Union && to.rec!.transparentUnion && ctx === Ctx.Arg) {
    for (const m of to.rec!.members) {
      if (compatible(m.ty, from, true) || (m.ty.kind === TY.Pointer && (isNullPtrConst(n) || from.kind === TY.Pointer && compatible(unqualified(m.ty.base!), unqualified(from.base!))))) {
        const c = newNode(NK.Cast, tok, to);
        c.ck = CK.ToUnion;
        c.lhs = convertTo(p, n, m.ty);
        return c;
      }
    }
  }
  if (to.kind === TY.Bool && from.kind === TY.Pointer) return convertTo(p, n, to);
  if (to.kind === TY.Pointer) {
    if (isNullPtrConst(n)) return convertTo(p, n, to);
    if (from.kind === TY.Pointer) {
      const tb = to.base!, fb = from.base!;
      const lost = fb.qual & ~tb.qual & (Q.Const | Q.Volatile | Q.Atomic);
      const voidOk = tb.kind === TY.Void || fb.kind === TY.Void;
      if (voidOk && (fb.kind === TY.Func || tb.kind === TY.Func)) {
        // (gcc converts between 'void *' and function pointers, a pedantic warning)
        const what = ctx === Ctx.Arg ? argDesc(arg!) : ctxWhat(ctx);
        if (p.pedwarn('pedantic', tok, `ISO C forbids ${what} between function pointer and 'void *'`) && ctx === Ctx.Arg) noteArg(p, arg, ty, from, tok);
        return convertTo(p, n, to);
      }
      if (voidOk || compatible(unqualified(tb), unqualified(fb), true) || (tb.kind === TY.Func && fb.kind === TY.Func && compatible(tb, fb))) {
        if (lost) {
          const q = lost & Q.Const ? 'const' : lost & Q.Volatile ? 'volatile' : '_Atomic';
          const msg = ctx === Ctx.Arg ? `${argDesc(arg!)} discards '${q}' qualifier from pointer target type` : `${ctxWhat(ctx)} discards '${q}' qualifier from pointer target type`;
          if (p.warn('discarded-qualifiers', tok, msg) && ctx === Ctx.Arg) noteArg(p, arg, ty, from, tok);
        }
        return convertTo(p, n, to);
      }
      if (isInteger(tb) && isInteger(fb) && tb.size === fb.size && !(tb.kind === TY.Enum || fb.kind === TY.Enum)) {
        let msg: string;
        if (ctx === Ctx.Arg) msg = `pointer targets in ${argDesc(arg!)} differ in signedness`;
        else if (ctx === Ctx.Assign) msg = `pointer targets in assignment from ${quoteType(from)} to ${quoteType(to)} differ in signedness`;
        else if (ctx === Ctx.Init) msg = `pointer targets in initialization of ${quoteType(to)} from ${quoteType(from)} differ in signedness`;
        else msg = `pointer targets in returning ${quoteType(from)} from a function with return type ${quoteType(to)} differ in signedness`;
        if (p.warn('pointer-sign', tok, msg) && ctx === Ctx.Arg) noteArg(p, arg, ty, from, tok);
        return convertTo(p, n, to);
      }
      let msg: string;
      if (ctx === Ctx.Arg) msg = `${argDesc(arg!)} from incompatible pointer type`;
      else if (ctx === Ctx.Assign) msg = `assignment to ${quoteType(to)} from incompatible pointer type ${quoteType(from)}`;
      else if (ctx === Ctx.Init) msg = `initialization of ${quoteType(to)} from incompatible pointer type ${quoteType(from)}`;
      else msg = `returning ${quoteType(from)} from a function with incompatible return type ${quoteType(to)}`;
      if (p.warn('incompatible-pointer-types', tok, msg) && ctx === Ctx.Arg) noteArg(p, arg, ty, from, tok);
      return convertTo(p, n, to);
    }
    if (isInteger(from)) {
      let msg: string;
      if (ctx === Ctx.Arg) msg = `${argDesc(arg!)} makes pointer from integer without a cast`;
      else if (ctx === Ctx.Return) msg = `returning ${quoteType(from)} from a function with return type ${quoteType(to)} makes pointer from integer without a cast`;
      else msg = `${ctxWhat(ctx)} ${ctx === Ctx.Assign ? 'to' : 'of'} ${quoteType(to)} from ${quoteType(from)} makes pointer from integer without a cast`;
      if (p.warn('int-conversion', tok, msg) && ctx === Ctx.Arg) noteArg(p, arg, ty, from, tok);
      return convertTo(p, n, to);
    }
  }
  if (isInteger(to) && from.kind === TY.Pointer) {
    let msg: string;
    if (ctx === Ctx.Arg) msg = `${argDesc(arg!)} makes integer from pointer without a cast`;
    else if (ctx === Ctx.Return) msg = `returning ${quoteType(from)} from a function with return type ${quoteType(to)} makes integer from pointer without a cast`;
    else msg = `${ctxWhat(ctx)} ${ctx === Ctx.Assign ? 'to' : 'of'} ${quoteType(to)} from ${quoteType(from)} makes integer from pointer without a cast`;
    if (p.warn('int-conversion', tok, msg) && ctx === Ctx.Arg) noteArg(p, arg, ty, from, tok);
    return convertTo(p, n, to);
  }
  // incompatible: error
  if (from.kind === TY.Void && n.kind !== NK.Cast) p.error(n.tok, 'void value not ignored as it ought to be');
  else if (from.kind === TY.Void) p.error(n.tok, 'void value not ignored as it ought to be');
  else if (ctx === Ctx.Arg) { p.error(n.tok, `incompatible type for argument ${arg!.index + 1} of '${arg!.fn ? arg!.fn.name : ''}'`); noteArg(p, arg, ty, from, tok); }
  else if (ctx === Ctx.Assign) p.error(n.tok, `incompatible types when assigning to type ${quoteType(to)} from type ${quoteType(from)}`);
  else if (ctx === Ctx.Init) p.error(n.tok, `incompatible types when initializing type ${quoteType(to)} using type ${quoteType(from)}`);
  else p.error(n.tok, `incompatible types when returning type ${quoteType(from)} but ${quoteType(to)} was expected`);
  const c = newNode(NK.Cast, n.tok, to);
  c.lhs = n;
  c.ck = CK.Convert;
  void T;
  return c;
}

// ---------------------------------------------------------------------------------------------
// Constant evaluation

export interface AddrConst {
  /** Object, string literal, label, or null for an absolute address. */
  base: Obj | Node | LabelInfo | null;
  offset: bigint;
}

/** The value of an address constant expression (C17 6.6p9), or null. */
export function addrConst(n: Node): AddrConst | null {
  switch (n.kind) {
    case NK.Cast:
      if (n.ck === CK.ArrayDecay || n.ck === CK.FuncDecay) return lvalueAddr(n.lhs!);
      if (n.ck === CK.NullPtr) return { base: null, offset: 0n };
      if (n.ck === CK.Convert || n.ck === CK.NoOp) {
        const from = n.lhs!.ty;
        if (from.kind === TY.Pointer || isInteger(from) && from.size >= 4) {
          if (n.lhs!.val !== null) return { base: null, offset: n.lhs!.val };
          if (n.ty.kind === TY.Pointer || n.ty.size >= (n.lhs!.ty.size)) return addrConst(n.lhs!);
        }
      }
      return null;
    case NK.Addr: return lvalueAddr(n.lhs!);
    case NK.IntConst: return n.ty.kind === TY.Pointer ? { base: null, offset: n.val! } : null;
    case NK.LabelAddr: return { base: n.label!, offset: 0n };
    case NK.Add: case NK.Sub: {
      if (n.ty.kind !== TY.Pointer) return null;
      const ptr = n.lhs!.ty.kind === TY.Pointer ? n.lhs! : n.rhs!;
      const idx = ptr === n.lhs ? n.rhs! : n.lhs!;
      if (idx.val === null || isVarSize(ptr.ty.base!)) return null;
      const a = addrConst(ptr);
      if (!a) return null;
      const sz = BigInt(elemSize(ptr.ty));
      return { base: a.base, offset: n.kind === NK.Add ? a.offset + idx.val * sz : a.offset - idx.val * sz };
    }
    case NK.Cond:
      if (n.cond!.val !== null) return addrConst(n.cond!.val !== 0n ? (n.then ?? n.cond!) : n.els!);
      return null;
    case NK.Comma: return null;
    case NK.StrLit: return { base: n, offset: 0n };
  }
  if (n.val !== null && n.ty.kind === TY.Pointer) return { base: null, offset: n.val };
  return null;
}

function elemSize(t: Type): number {
  const b = t.base!;
  if (b.kind === TY.Void || b.kind === TY.Func) return 1;
  return b.size;
}

/** Address of an lvalue designating static storage, or null. */
export function lvalueAddr(n: Node): AddrConst | null {
  switch (n.kind) {
    case NK.Var: {
      const o = n.obj!;
      if (o.isFunc || !o.isLocal) return { base: o, offset: 0n };
      return null;
    }
    case NK.StrLit: return { base: n, offset: 0n };
    case NK.CompoundLit: return n.obj && !n.obj.isLocal ? { base: n.obj, offset: 0n } : null;
    case NK.Member: {
      if (n.member!.dynOffset) return null;
      const a = lvalueAddr(n.lhs!);
      return a ? { base: a.base, offset: a.offset + BigInt(n.member!.offset) } : null;
    }
    case NK.Deref: return addrConst(n.lhs!);
    case NK.Generic: return lvalueAddr(n.lhs!);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Parsing

// expression = assignment ("," assignment)*
export function expr(p: Parser): Node {
  let n = assign(p);
  while (p.at(TK.Comma)) {
    const t = p.next();
    const r = assign(p);
    n = mkComma(p, n, r, t);
  }
  return n;
}

export function mkComma(p: Parser, l: Node, r: Node, t: Token): Node {
  if (p.wUnusedValue) warnCommaLhs(p, l, t);
  const rv = rvalue(p, r);
  const c = newNode(NK.Comma, t, rv.ty);
  c.lhs = l;
  c.rhs = rv;
  return c;
}

const ASSIGN_OPS: Partial<Record<TK, NK>> = {
  [TK.MulAssign]: NK.Mul, [TK.DivAssign]: NK.Div, [TK.ModAssign]: NK.Mod, [TK.AddAssign]: NK.Add,
  [TK.SubAssign]: NK.Sub, [TK.ShlAssign]: NK.Shl, [TK.ShrAssign]: NK.Shr, [TK.AndAssign]: NK.BitAnd,
  [TK.XorAssign]: NK.BitXor, [TK.OrAssign]: NK.BitOr,
};

// assignment = conditional (assign-op assignment)?
export function assign(p: Parser): Node {
  const l = condExpr(p);
  const k = p.tok().kind;
  if (k === TK.Assign) {
    const t = p.next();
    const r = assign(p);
    return mkAssign(p, l, r, t);
  }
  const op = ASSIGN_OPS[k];
  if (op !== undefined) {
    const t = p.next();
    const r = assign(p);
    return mkOpAssign(p, op, l, r, t);
  }
  return l;
}

/** Describe an lvalue for "assignment of read-only ..." messages. */
function readOnlyWhat(n: Node): string {
  if (n.kind === NK.Var) return `variable '${n.obj!.name}'`;
  if (n.kind === NK.Member) return `member '${n.member!.name ?? ''}'`;
  const s = exprText(n);
  return s ? `location '${s}'` : 'location';
}

/** Source-like text of simple expressions for messages (gcc prints '*p', 'a[1]', 's.x'). */
export function exprText(n: Node): string | null {
  switch (n.kind) {
    case NK.Var: return n.obj!.name;
    case NK.Cast: return n.ck === CK.Load || n.ck === CK.ArrayDecay ? exprText(n.lhs!) : null;
    case NK.Deref: {
      const l = n.lhs!;
      if (l.kind === NK.Add && l.ty.kind === TY.Pointer) {
        const a = exprText(l.lhs!), i = l.rhs!.val !== null ? String(l.rhs!.val) : exprText(l.rhs!);
        return a && i ? `${a}[${i}]` : null;
      }
      const s = exprText(l);
      return s ? '*' + s : null;
    }
    case NK.Member: {
      const b = n.lhs!;
      if (b.kind === NK.Deref && b.lhs!.kind !== NK.Add) { const s = exprText(b.lhs!); return s ? `${s}->${n.member!.name}` : null; }
      const s = exprText(b);
      return s ? `${s}.${n.member!.name}` : null;
    }
    case NK.IntConst: return n.val !== null ? String(n.val) : null;
  }
  return null;
}

/** Check that `n` is a modifiable lvalue; `what` is "left operand of assignment", "increment operand"... */
export function checkModifiable(p: Parser, n: Node, what: string, verb: string, tok: Token): boolean {
  if (!n.lvalue) {
    p.error(tok, `lvalue required as ${what}`);
    return false;
  }
  const t = n.ty;
  if (t.kind === TY.Array) { p.error(tok, `${verb === 'assignment' ? 'assignment to expression' : `${verb} of expression`} with array type`.replace('increment of expression', 'increment of expression')); return false; }
  if (t.qual & Q.Const || (t.rec && t.rec.hasConst && (t.kind === TY.Struct || t.kind === TY.Union))) {
    const member = n.kind === NK.Member && (n.member!.ty.qual & Q.Const) !== 0;
    const lhsConst = n.kind === NK.Member && !member;
    const w = lhsConst ? readOnlyWhat(rootOf(n)) : readOnlyWhat(n);
    p.error(tok, `${verb} of read-only ${w}`);
    return false;
  }
  if (t.kind === TY.Void || !isComplete(t)) {
    p.error(tok, `invalid use of ${t.kind === TY.Void ? 'void expression' : `undefined type ${quoteType(t)}`}`);
    return false;
  }
  return true;
}

function rootOf(n: Node): Node {
  while (n.kind === NK.Member) n = n.lhs!;
  return n;
}

export function mkAssign(p: Parser, l: Node, r: Node, t: Token): Node {
  checkModifiable(p, l, 'left operand of assignment', 'assignment', l.tok.pos < t.pos ? t : t);
  const rr = assignConvert(p, r, l.ty, Ctx.Assign, null, t);
  const n = newNode(NK.Assign, t, unqualified(l.ty));
  n.lhs = l;
  n.rhs = rr;
  return n;
}

/** -Wunused-but-set-variable: an assignment whose value is dropped (an expression statement) does not
 *  read the object it stores to by `x = ...`, `s.m = ...` or `a[i] = ...` (a an array), as gcc's
 *  DECL_READ_P; any other reference counts as a read. */
export function unreadAssigned(e: Node): void {
  if (e.kind === NK.Comma) { unreadAssigned(e.lhs!); unreadAssigned(e.rhs!); return; }
  if (e.kind !== NK.Assign) return;
  let l = e.lhs!;
  for (;;) {
    if (l.kind === NK.Var) { l.obj!.reads--; return; }
    if (l.kind === NK.Member) { l = l.lhs!; continue; }
    if (l.kind === NK.Deref && l.lhs!.kind === NK.Add) {
      const a = l.lhs!.lhs!;
      if (a.kind === NK.Cast && a.ck === CK.ArrayDecay) { l = a.lhs!; continue; }
    }
    return;
  }
}

function mkOpAssign(p: Parser, op: NK, l: Node, r: Node, t: Token): Node {
  checkModifiable(p, l, 'left operand of assignment', 'assignment', t);
  // compute the type of `l op r` on rvalues without building the node twice
  const lv = rvalue(p, l);
  const rv = rvalue(p, r);
  const n = newNode(NK.OpAssign, t, unqualified(l.ty));
  n.op = op;
  n.lhs = l;
  if ((op === NK.Add || op === NK.Sub) && lv.ty.kind === TY.Pointer && isInteger(rv.ty)) {
    checkPointerArith(p, lv.ty, t);
    n.opTy = lv.ty;
    n.rhs = convertTo(p, promote(p, rv), p.T.ptrdiffT);
    return n;
  }
  if (op === NK.Shl || op === NK.Shr) {
    if (!isInteger(lv.ty) || !isInteger(rv.ty)) { invalidOperands(p, op, lv, rv, t); n.rhs = rv; n.opTy = lv.ty; return n; }
    n.opTy = promotedType(p, lv.ty);
    n.rhs = promote(p, rv);
    return n;
  }
  if (lv.ty.kind === TY.Vector || rv.ty.kind === TY.Vector) {
    n.opTy = lv.ty.kind === TY.Vector ? lv.ty : rv.ty;
    n.rhs = rv.ty.kind === TY.Vector ? rv : convertTo(p, rv, n.opTy.base!);
    return n;
  }
  const intOnly = op === NK.Mod || op === NK.BitAnd || op === NK.BitOr || op === NK.BitXor;
  if (!isArith(lv.ty) || !isArith(rv.ty) || (intOnly && (!isInteger(lv.ty) && lv.ty.kind !== TY.Complex || !isInteger(rv.ty)))) {
    invalidOperands(p, op, lv, rv, t);
    n.rhs = rv;
    n.opTy = lv.ty;
    return n;
  }
  let ct = commonRealType(p, lv.ty, rv.ty);
  if (lv.ty.kind === TY.Complex || rv.ty.kind === TY.Complex) ct = p.T.complexOf(ct);
  n.opTy = ct;
  n.rhs = convertTo(p, rv, ct);
  if ((op === NK.Div || op === NK.Mod) && isInteger(ct) && n.rhs.val === 0n && p.noEval === 0) p.warn('div-by-zero', t, 'division by zero');
  return n;
}

// conditional = logor ("?" expression? ":" conditional)?
export function condExpr(p: Parser): Node {
  const c = binary(p, 0);
  if (!p.at(TK.Question)) return c;
  const q = p.next();
  // (gcc: not for `c ?: x`, where c is kept as a value)
  if (p.wTruth && !p.at(TK.Colon)) warnTruth(p, c, false, q);
  let then: Node | null = null;
  // the arm a constant condition does not select is not evaluated (gcc's c_inhibit_evaluation_warnings)
  const skipThen = c.val === 0n ? 1 : 0, skipEls = c.val !== null && c.val !== 0n ? 1 : 0;
  if (!p.at(TK.Colon)) { p.noEval += skipThen; then = expr(p); p.noEval -= skipThen; }
  else {
    p.pedwarn('pedantic', q, 'ISO C forbids omitting the middle term of a ?: expression');
    // (gcc folds `0 || x` to x first)
    const folds = (c.kind === NK.LogAnd || c.kind === NK.LogOr) && (c.lhs!.val !== null || c.rhs!.val !== null);
    if (p.wParens && !folds && (c.kind >= NK.Lt && c.kind <= NK.Ne || c.kind === NK.LogAnd || c.kind === NK.LogOr || c.kind === NK.LogNot)) {
      p.warn('parentheses', p.tok(), "the omitted middle operand in '?:' will always be 'true', suggest explicit middle operand");
    }
  }
  const colon = p.tok();
  p.expect(TK.Colon, "':'");
  p.noEval += skipEls;
  const els = condExpr(p);
  p.noEval -= skipEls;
  const n = mkCond(p, c, then, els, q);
  // (-Wint-in-bool-context reports a ?: with constant arms at its ':')
  if (p.condColons && (n.then === null || n.then.val !== null || n.els!.val !== null)) p.condColons.set(n, colon);
  return n;
}

export function mkCond(p: Parser, c0: Node, then0: Node | null, els0: Node, q: Token): Node {
  const T = p.T;
  let c = rvalue(p, c0);
  if (!isScalar(c.ty) && c.ty.kind !== TY.Vector) p.error(c.tok, 'used struct type value where scalar is required');
  let a = then0 ? rvalue(p, then0) : c;
  let b = rvalue(p, els0);
  let ty: Type;
  const at = a.ty, bt = b.ty;
  if (isArith(at) && isArith(bt)) {
    const a0 = a, b0 = b;
    [a, b, ty] = usualArith(p, a, b);
    if (p.wCompare && isInteger(ty)) warnCondSign(p, a0, b0, ty);
  } else if (at.kind === TY.Void || bt.kind === TY.Void) {
    ty = T.void;
  } else if (isRecord(at) && compatible(at, bt, true)) {
    ty = unqualified(at);
  } else if (at.kind === TY.Vector && bt.kind === TY.Vector) {
    ty = at;
  } else if (at.kind === TY.Pointer && bt.kind === TY.Pointer) {
    const ab = at.base!, bb = bt.base!;
    const qq = (ab.qual | bb.qual);
    if (isNullPtrConst(a)) ty = bt;
    else if (isNullPtrConst(b)) ty = at;
    else if (compatible(unqualified(ab), unqualified(bb), true)) ty = T.pointerTo(qualify(unqualified(ab), qq));
    else if (ab.kind === TY.Void || bb.kind === TY.Void) ty = T.pointerTo(qualify(T.void, qq));
    else {
      p.warn(null, q, 'pointer type mismatch in conditional expression');
      ty = T.pointerTo(qualify(T.void, qq));
    }
    a = convertTo(p, a, ty);
    b = convertTo(p, b, ty);
  } else if (at.kind === TY.Pointer && isInteger(bt)) {
    if (!isNullPtrConst(b)) p.warn(null, q, 'pointer/integer type mismatch in conditional expression');
    ty = at;
    b = convertTo(p, b, ty);
  } else if (bt.kind === TY.Pointer && isInteger(at)) {
    if (!isNullPtrConst(a)) p.warn(null, q, 'pointer/integer type mismatch in conditional expression');
    ty = bt;
    a = convertTo(p, a, ty);
  } else {
    p.error(q, 'type mismatch in conditional expression');
    ty = at;
  }
  const n = newNode(NK.Cond, q, ty);
  n.cond = c;
  n.then = then0 ? a : null;
  n.els = b;
  if (!then0 && ty !== c.ty) { n.then = null; }
  if (c.val !== null || c.fval !== null) {
    const truth = c.val !== null ? c.val !== 0n : !num.fIsZero(c.fval!, T.floatFormat(c.ty));
    const pick = truth ? a : b, other = truth ? b : a;
    // gcc folds ?: with a constant condition even when the other arm is not constant; that is an
    // integer constant expression only when the condition is a __builtin_constant_p (ifexp_bcp)
    if (pick.val !== null) {
      n.val = pick.val;
      if (pick.folded || (other.val === null && other.fval === null && !c.bcp)) n.folded = true;
    }
    if (pick.fval !== null) n.fval = pick.fval;
  }
  return n;
}

// binary operators by precedence (higher binds tighter)
const PREC: Partial<Record<TK, number>> = {
  [TK.OrOr]: 1, [TK.AndAnd]: 2, [TK.Pipe]: 3, [TK.Caret]: 4, [TK.Amp]: 5,
  [TK.EqEq]: 6, [TK.Ne]: 6, [TK.Lt]: 7, [TK.Gt]: 7, [TK.Le]: 7, [TK.Ge]: 7,
  [TK.Shl]: 8, [TK.Shr]: 8, [TK.Plus]: 9, [TK.Minus]: 9, [TK.Star]: 10, [TK.Slash]: 10, [TK.Percent]: 10,
};
const BINOP: Partial<Record<TK, NK>> = {
  [TK.OrOr]: NK.LogOr, [TK.AndAnd]: NK.LogAnd, [TK.Pipe]: NK.BitOr, [TK.Caret]: NK.BitXor, [TK.Amp]: NK.BitAnd,
  [TK.EqEq]: NK.Eq, [TK.Ne]: NK.Ne, [TK.Lt]: NK.Lt, [TK.Gt]: NK.Gt, [TK.Le]: NK.Le, [TK.Ge]: NK.Ge,
  [TK.Shl]: NK.Shl, [TK.Shr]: NK.Shr, [TK.Plus]: NK.Add, [TK.Minus]: NK.Sub, [TK.Star]: NK.Mul,
  [TK.Slash]: NK.Div, [TK.Percent]: NK.Mod,
};

// logor = logand ("||" logand)*      ... (one level per row of PREC)
// mul   = cast ("*" cast | "/" cast | "%" cast)*
function binary(p: Parser, minPrec: number): Node {
  const bareNot = p.wBinary && p.at(TK.Not);
  let l = castExpr(p);
  for (;;) {
    const k = p.tok().kind;
    const prec = PREC[k];
    if (prec === undefined || prec <= minPrec) return l;
    const t = p.next();
    // gcc's c_inhibit_evaluation_warnings: the right operand of `0 && x` and `1 || x` is not evaluated
    const skip = (k === TK.AndAnd && l.val === 0n) || (k === TK.OrOr && l.val !== null && l.val !== 0n) ? 1 : 0;
    p.noEval += skip;
    const r = binary(p, prec);
    l = p.wBinary ? checkedBinary(p, BINOP[k]!, l, r, t, bareNot) : mkBinary(p, BINOP[k]!, l, r, t);
    p.noEval -= skip;
  }
}

const isOperator = (k: NK) => (k >= NK.Add && k <= NK.LogOr) || k === NK.LogNot;
/** An address -Waddress may report (a decayed array or function, an `&`). */
const isAddressLike = (n: Node) => n.kind === NK.Addr || (n.kind === NK.Cast && (n.ck === CK.ArrayDecay || n.ck === CK.FuncDecay));

/** mkBinary with the warnings on binary operators (warn.ts); `bareNot`: the left operand began with a
 *  `!` (not in parentheses). Kept apart so that binary() stays small. */
function checkedBinary(p: Parser, op: NK, l: Node, r: Node, t: Token, bareNot: boolean): Node {
  // (-Wparentheses: only an operand that is itself an operator expression can matter; after the
  // operation's own warnings, as gcc's parser_build_binary_op)
  const parens = p.wParens && op >= NK.Shl && (isOperator(l.kind) || isOperator(r.kind));
  if (parens && (op < NK.Shl || op > NK.Shr)) warnParentheses(p, op, l, r, t);
  if (op === NK.Shl || op === NK.Shr) {
    const n = mkBinary(p, op, l, r, t);
    if (parens) warnParentheses(p, op, l, r, t);
    return n;
  }
  if (p.wCompare && op >= NK.Lt && op <= NK.Ne) {
    const lv = rvalue(p, l), rv = rvalue(p, r);
    const n = mkBinary(p, op, lv, rv, t);
    if (p.wx.typeLimits && n.kind === op && n.lhs && n.rhs) warnTypeLimits(p, op, n, t);
    warnComparison(p, op, lv, rv, t, bareNot && l.kind === NK.LogNot);
    if ((op === NK.Eq || op === NK.Ne) && (lv.ty.kind === TY.Pointer || rv.ty.kind === TY.Pointer)) {
      const la = isAddressLike(lv), ra = isAddressLike(rv);
      if (la || ra) warnAddressCompare(p, op, lv, rv, t, ra && isNullPtrConst(lv), la && isNullPtrConst(rv));
    }
    return n;
  }
  if (op === NK.Div && p.wSizeofDiv && r === p.sizeofLast.node && l === p.sizeofPrev.node) {
    const a = p.sizeofPrev.ty!, obj = p.sizeofPrev.obj, b = p.sizeofLast.ty!;
    if (a.kind === TY.Pointer && compatible(unqualified(a.base!), unqualified(b), true)) {
      if (p.warn('sizeof-pointer-div', t, `division 'sizeof (${quoteType(a).replace(/'/g, '')}) / sizeof (${quoteType(b).replace(/'/g, '')})' does not compute the number of array elements`) && obj?.tok) {
        p.note(obj.tok, "first 'sizeof' operand was declared here");
      }
    }
    return mkBinary(p, op, l, r, t);
  }
  if (p.wTruth && (op === NK.LogAnd || op === NK.LogOr)) {
    const lv = rvalue(p, l), rv = rvalue(p, r);
    warnTruth(p, lv, false);
    if (p.noEval === 0) warnTruth(p, rv, false); // (not for the dead side of `1 || x`)
    return mkBinary(p, op, lv, rv, t);
  }
  return mkBinary(p, op, l, r, t);
}

const OP_TEXT: Partial<Record<NK, string>> = {
  [NK.Add]: '+', [NK.Sub]: '-', [NK.Mul]: '*', [NK.Div]: '/', [NK.Mod]: '%', [NK.Shl]: '<<', [NK.Shr]: '>>',
  [NK.BitAnd]: '&', [NK.BitOr]: '|', [NK.BitXor]: '^', [NK.Lt]: '<', [NK.Le]: '<=', [NK.Gt]: '>', [NK.Ge]: '>=',
  [NK.Eq]: '==', [NK.Ne]: '!=', [NK.LogAnd]: '&&', [NK.LogOr]: '||',
};

function invalidOperands(p: Parser, op: NK, l: Node, r: Node, t: Token): void {
  p.error(t, `invalid operands to binary ${OP_TEXT[op]} (have ${quoteType(l.ty)} and ${quoteType(r.ty)})`);
}

function checkPointerArith(p: Parser, pt: Type, t: Token): void {
  const b = pt.base!;
  if (b.kind === TY.Void) p.pedwarn('pointer-arith', t, "pointer of type 'void *' used in arithmetic");
  else if (b.kind === TY.Func) p.pedwarn('pointer-arith', t, 'pointer to a function used in arithmetic');
  else if (!isComplete(b)) p.error(t, `invalid use of undefined type ${quoteType(b)}`);
}

export function mkBinary(p: Parser, op: NK, l0: Node, r0: Node, t: Token): Node {
  const T = p.T;
  let l = rvalue(p, l0);
  let r = rvalue(p, r0);
  const lt = l.ty, rt = r.ty;
  let ty: Type;
  switch (op) {
    case NK.LogAnd: case NK.LogOr: {
      if (!isScalar(lt) || !isScalar(rt)) {
        if (lt.kind !== TY.Vector && rt.kind !== TY.Vector) { p.error(t, `invalid operands to binary ${OP_TEXT[op]} (have ${quoteType(lt)} and ${quoteType(rt)})`); }
      }
      const n = newNode(op, t, T.int);
      n.lhs = l; n.rhs = r;
      const lc = truthValue(p, l);
      if (lc !== null) {
        if (op === NK.LogAnd && !lc) n.val = 0n;
        else if (op === NK.LogOr && lc) n.val = 1n;
        else { const rc = truthValue(p, r); if (rc !== null) n.val = rc ? 1n : 0n; }
      }
      return n;
    }
    case NK.Add: case NK.Sub:
      if (lt.kind === TY.Pointer && isInteger(rt)) {
        checkPointerArith(p, lt, t);
        const n = newNode(op, t, lt);
        n.lhs = l; n.rhs = convertTo(p, promote(p, r), T.ptrdiffT);
        return n;
      }
      if (op === NK.Add && isInteger(lt) && rt.kind === TY.Pointer) {
        checkPointerArith(p, rt, t);
        const n = newNode(op, t, rt);
        n.lhs = r; n.rhs = convertTo(p, promote(p, l), T.ptrdiffT); // pointer first
        return n;
      }
      if (op === NK.Sub && lt.kind === TY.Pointer && rt.kind === TY.Pointer) {
        if (!compatible(unqualified(lt.base!), unqualified(rt.base!), true)) p.error(t, 'invalid operands to binary - (have ' + quoteType(lt) + ' and ' + quoteType(rt) + ')');
        checkPointerArith(p, lt, t);
        const n = newNode(NK.Sub, t, T.ptrdiffT);
        n.lhs = l; n.rhs = r;
        const a = addrConst(l), b = addrConst(r);
        if (a && b && a.base === b.base && a.base === null && !isVarSize(lt.base!)) {
          const sz = BigInt(elemSize(lt) || 1);
          n.val = (a.offset - b.offset) / sz;
        }
        return n;
      }
      break;
    case NK.Eq: case NK.Ne: case NK.Lt: case NK.Le: case NK.Gt: case NK.Ge:
      if (lt.kind === TY.Pointer || rt.kind === TY.Pointer) return mkPtrCompare(p, op, l, r, t);
      break;
    case NK.Shl: case NK.Shr: {
      if (lt.kind === TY.Vector || rt.kind === TY.Vector) break;
      if (!isInteger(lt) || !isInteger(rt)) { invalidOperands(p, op, l, r, t); return errNode(p, t, l); }
      l = promote(p, l);
      r = promote(p, r);
      if (op === NK.Shl && l.val !== null && l.val < 0n && p.noEval === 0 && p.wx.shiftNegativeValue && !isUnsigned(l.ty)) p.warn('shift-negative-value', t, 'left shift of negative value');
      const n = newNode(op, t, l.ty);
      n.lhs = l; n.rhs = r;
      if (r.val !== null) {
        const w = BigInt(l.ty.size * 8);
        if (p.noEval !== 0) { /* no warnings in an operand that is not evaluated */ }
        else if (r.val < 0n) p.warn(op === NK.Shl ? 'shift-count-negative' : 'shift-count-negative', t, `${op === NK.Shl ? 'left' : 'right'} shift count is negative`);
        else if (r.val >= w) p.warn('shift-count-overflow', t, `${op === NK.Shl ? 'left' : 'right'} shift count >= width of type`);
        else if (l.val !== null && op === NK.Shl && p.wx.shiftOverflow) warnShiftOverflow(p, l, r, t);
        if (r.val >= 0n && r.val < w && l.val !== null) n.val = wrapInt(op === NK.Shl ? l.val << r.val : l.val >> r.val, n.ty);
      }
      return n;
    }
  }
  // vectors: element-wise, a scalar operand is broadcast
  if (lt.kind === TY.Vector || rt.kind === TY.Vector) {
    const vt = lt.kind === TY.Vector ? lt : rt;
    if (lt.kind !== TY.Vector) l = convertTo(p, l, vt.base!);
    if (rt.kind !== TY.Vector) r = convertTo(p, r, vt.base!);
    const isCmp = op >= NK.Lt && op <= NK.Ne;
    const n = newNode(op, t, isCmp ? p.T.vectorOf(T.intOfSize(vt.base!.size, false).kind === TY.Bool ? T.int : signedIntOfSize(p, vt.base!.size), vt.size) : vt);
    n.lhs = l; n.rhs = r;
    return n;
  }
  const intOnly = op === NK.Mod || op === NK.BitAnd || op === NK.BitOr || op === NK.BitXor || op === NK.Shl || op === NK.Shr;
  if (!isArith(lt) || !isArith(rt) || (intOnly && (!isInteger(lt) || !isInteger(rt)))) {
    if (intOnly && (lt.kind === TY.Complex || rt.kind === TY.Complex) && op !== NK.Mod && isArith(lt) && isArith(rt)) {
      // gcc allows ~, &, | on complex integers? no: report like gcc
    }
    invalidOperands(p, op, l, r, t);
    return errNode(p, t, l);
  }
  [l, r, ty] = usualArith(p, l, r);
  const isCmp = op >= NK.Lt && op <= NK.Ne;
  const n = newNode(op, t, isCmp ? T.int : ty);
  n.lhs = l; n.rhs = r;
  if ((op === NK.Div || op === NK.Mod) && isInteger(ty) && r.val === 0n) {
    if (p.noEval === 0) p.warn('div-by-zero', t, 'division by zero');
    return n;
  }
  if (l.val !== null && r.val !== null && isInteger(ty)) foldInt(n, op, l.val, r.val, ty);
  else if (l.fval !== null && r.fval !== null && isRealFloat(ty)) foldFloat(p, n, op, l.fval, r.fval, ty);
  return n;
}

function signedIntOfSize(p: Parser, size: number): Type {
  return p.T.intOfSize(size, false);
}

function errNode(p: Parser, t: Token, l: Node): Node {
  const n = newNode(NK.IntConst, t, p.T.int);
  n.val = 0n;
  void l;
  return n;
}

/** Truth value of a constant scalar rvalue, or null if not constant. */
export function truthValue(p: Parser, n: Node): boolean | null {
  if (n.val !== null) return n.val !== 0n;
  if (n.fval !== null && isRealFloat(n.ty)) return !num.fIsZero(n.fval, p.T.floatFormat(n.ty));
  if (n.ty.kind === TY.Pointer) {
    const a = addrConst(n);
    if (a && a.base !== null && a.offset === 0n && (a.base instanceof Obj) && !a.base.attrs?.weak) return true;
    if (a && a.base !== null && !(a.base instanceof Obj)) return true;
  }
  return null;
}

function foldInt(n: Node, op: NK, a: bigint, b: bigint, ty: Type): void {
  let v: bigint;
  switch (op) {
    case NK.Add: v = a + b; break;
    case NK.Sub: v = a - b; break;
    case NK.Mul: v = a * b; break;
    case NK.Div: v = a / b; break;
    case NK.Mod: v = a % b; break;
    case NK.BitAnd: v = a & b; break;
    case NK.BitOr: v = a | b; break;
    case NK.BitXor: v = a ^ b; break;
    case NK.Lt: n.val = a < b ? 1n : 0n; return;
    case NK.Le: n.val = a <= b ? 1n : 0n; return;
    case NK.Gt: n.val = a > b ? 1n : 0n; return;
    case NK.Ge: n.val = a >= b ? 1n : 0n; return;
    case NK.Eq: n.val = a === b ? 1n : 0n; return;
    case NK.Ne: n.val = a !== b ? 1n : 0n; return;
    default: return;
  }
  n.val = wrapInt(v, ty);
}

function foldFloat(p: Parser, n: Node, op: NK, a: bigint, b: bigint, ty: Type): void {
  const f = p.T.floatFormat(ty);
  switch (op) {
    case NK.Add: n.fval = num.fAdd(a, b, f); return;
    case NK.Sub: n.fval = num.fSub(a, b, f); return;
    case NK.Mul: n.fval = num.fMul(a, b, f); return;
    case NK.Div: n.fval = num.fDiv(a, b, f); return;
  }
  const c = num.fCompare(a, b, f);
  let r: boolean;
  switch (op) {
    case NK.Lt: r = c === -1; break;
    case NK.Le: r = c === -1 || c === 0; break;
    case NK.Gt: r = c === 1; break;
    case NK.Ge: r = c === 1 || c === 0; break;
    case NK.Eq: r = c === 0; break;
    case NK.Ne: r = c !== 0; break;
    default: return;
  }
  n.val = r ? 1n : 0n;
}

function mkPtrCompare(p: Parser, op: NK, l: Node, r: Node, t: Token): Node {
  const T = p.T;
  const lt = l.ty, rt = r.ty;
  const eq = op === NK.Eq || op === NK.Ne;
  if (lt.kind === TY.Pointer && rt.kind === TY.Pointer) {
    const lb = unqualified(lt.base!), rb = unqualified(rt.base!);
    if (!compatible(lb, rb, true)) {
      if (eq && (lb.kind === TY.Void || rb.kind === TY.Void) && !isNullPtrConst(l) && !isNullPtrConst(r)) { /* ok */ }
      else if (isNullPtrConst(l) || isNullPtrConst(r)) { /* ok */ }
      else if (lb.kind !== TY.Void && rb.kind !== TY.Void) p.pedwarn(null, t, 'comparison of distinct pointer types lacks a cast') || p.warn('compare-distinct-pointer-types', t, 'comparison of distinct pointer types lacks a cast');
    }
    if (!eq && (isNullPtrConst(l) || isNullPtrConst(r))) p.pedwarn('pedantic', t, 'ordered comparison of pointer with null pointer');
  } else {
    const ptr = lt.kind === TY.Pointer ? l : r;
    const other = ptr === l ? r : l;
    if (!isInteger(other.ty)) {
      p.error(t, `invalid operands to binary ${OP_TEXT[op]} (have ${quoteType(lt)} and ${quoteType(rt)})`);
      return errNode(p, t, l);
    }
    if (!isNullPtrConst(other)) p.warn(null, t, 'comparison between pointer and integer');
    else if (!eq) p.pedwarn('pedantic', t, 'ordered comparison of pointer with integer zero');
    if (other === l) l = convertTo(p, l, ptr.ty); else r = convertTo(p, r, ptr.ty);
  }
  const n = newNode(op, t, T.int);
  n.lhs = l; n.rhs = r;
  const a = addrConst(l), b = addrConst(r);
  if (a && b && a.base === null && b.base === null) foldInt(n, op, a.offset, b.offset, T.ulong);
  else if (eq && a && b && ((a.base === null) !== (b.base === null)) && (a.base === null ? a.offset === 0n : b.offset === 0n)) {
    // &obj == 0 is false unless obj is weak
    const o = a.base ?? b.base;
    if (o instanceof Obj && !o.attrs?.weak && (o.isFunc || !o.isLocal)) n.val = op === NK.Eq ? 0n : 1n;
  }
  return n;
}

// cast = "(" type-name ")" cast | "(" type-name ")" "{" initializer-list "}" postfix* | unary
export function castExpr(p: Parser): Node {
  if (p.at(TK.LParen) && isTypeNameStart(p, p.peek(1))) {
    const lp = p.next();
    const ty = typeName(p);
    p.expect(TK.RParen, "')'");
    if (p.at(TK.LBrace)) {
      const cl = compoundLiteral(p, ty, lp);
      return postfixTail(p, cl);
    }
    const operand = castExpr(p);
    return mkCast(p, ty, operand, lp);
  }
  return unary(p);
}

export function mkCast(p: Parser, ty: Type, operand: Node, t: Token): Node {
  const T = p.T;
  const n = rvalue(p, operand);
  const from = n.ty;
  const to = unqualified(ty);
  const c = newNode(NK.Cast, t, to);
  c.lhs = n;
  c.explicit = true;
  if (to.kind === TY.Void) { c.ck = CK.ToVoid; return c; }
  if (to.kind === TY.Union && !compatible(to, from, true)) {
    const m = to.rec!.complete ? to.rec!.members.find((mm) => compatible(mm.ty, from, true)) : undefined;
    if (!m) { p.error(t, 'cast to union type from type not present in union'); return c; }
    p.pedwarn('pedantic', t, 'ISO C forbids casts to union type');
    c.ck = CK.ToUnion;
    return c;
  }
  if (isRecord(to) || to.kind === TY.Array || to.kind === TY.Func) {
    if (isRecord(to) && compatible(to, from, true)) { p.pedwarn('pedantic', t, 'ISO C forbids casting nonscalar to the same type'); c.ck = CK.NoOp; return c; }
    p.error(t, to.kind === TY.Array ? 'cast specifies array type' : to.kind === TY.Func ? 'cast specifies function type' : 'conversion to non-scalar type requested');
    return c;
  }
  if (!isScalar(from) && from.kind !== TY.Vector) {
    if (from.kind === TY.Void) p.error(t, 'void value not ignored as it ought to be');
    else p.error(t, `aggregate value used where ${isFloating(to) ? 'a floating-point' : to.kind === TY.Pointer ? 'a pointer' : 'an integer'} was expected`);
    return c;
  }
  if (to.kind === TY.Vector || from.kind === TY.Vector) {
    if (to.size !== from.size) p.error(t, `cannot convert a value of type ${quoteType(from)} to vector type ${quoteType(to)} which has different size`);
    c.ck = CK.Bitcast;
    return c;
  }
  if (to.kind === TY.Pointer && isFloating(from)) { p.error(t, 'cannot convert to a pointer type'); return c; }
  if (from.kind === TY.Pointer && isFloating(to)) { p.error(t, 'pointer value used where a floating-point was expected'); return c; }
  // (gcc: INTEGER_TYPE operands only, not enums or _Bool)
  if (to.kind === TY.Pointer && isInteger(from) && from.kind !== TY.Enum && from.kind !== TY.Bool && from.size !== to.size && n.val === null) p.warn('int-to-pointer-cast', t, 'cast to pointer from integer of different size');
  if (from.kind === TY.Pointer && isInteger(to) && from.size !== to.size && to.kind !== TY.Bool) p.warn('pointer-to-int-cast', t, 'cast from pointer to integer of different size');
  if (p.wx.castFunctionType) warnCastFunctionType(p, from, to, t);
  c.ck = to.kind === TY.Pointer && isNullPtrConst(n) ? CK.NullPtr : CK.Convert;
  if (to.kind === TY.Pointer && isNullPtrConst(n)) c.ck = CK.NullPtr;
  foldCast(p, c);
  if (to.kind === TY.Pointer && n.val !== null && c.val === null) c.val = wrapInt(n.val, to);
  void T;
  return c;
}

function compoundLiteral(p: Parser, ty: Type, t: Token): Node {
  const o = new Obj('', ty, t);
  o.id = p.nextObjId++;
  const isStatic = p.fn === null;
  o.isLocal = !isStatic;
  o.storage = isStatic ? SC.Static : SC.None;
  o.linkage = Linkage.None;
  if (isVarSize(ty)) p.error(t, 'compound literal has variable size');
  compoundLiteralInit(p, o, isStatic);
  if (isStatic) p.decls.push(o); else p.fnLocals.push(o);
  o.defined = true;
  const n = newNode(NK.CompoundLit, t, o.ty);
  n.obj = o;
  n.lvalue = true;
  return n;
}

// unary = ("+" | "-" | "*" | "&" | "!" | "~") cast | ("++" | "--") unary | "&&" identifier
//       | "sizeof" unary | "sizeof" "(" type-name ")" | "_Alignof" "(" type-name ")"
//       | "__real__" cast | "__imag__" cast | "__extension__" cast | postfix
export function unary(p: Parser): Node {
  const t = p.tok();
  const T = p.T;
  switch (t.kind) {
    case TK.Plus: {
      p.next();
      const n = rvalue(p, castExpr(p));
      if (!isArith(n.ty) && n.ty.kind !== TY.Vector) { p.error(t, 'wrong type argument to unary plus'); return n; }
      const r = isInteger(n.ty) ? promote(p, n) : n;
      if (r !== n) return r;
      const c = newNode(NK.Plus, t, n.ty); c.lhs = n; c.val = n.val; c.fval = n.fval;
      return c;
    }
    case TK.Minus: {
      p.next();
      let n = rvalue(p, castExpr(p));
      if (!isArith(n.ty) && n.ty.kind !== TY.Vector) { p.error(t, 'wrong type argument to unary minus'); return n; }
      n = promote(p, n);
      const c = newNode(NK.Neg, t, n.ty);
      c.lhs = n;
      if (n.val !== null && isInteger(n.ty)) c.val = wrapInt(-n.val, n.ty);
      if (n.fval !== null && isRealFloat(n.ty)) c.fval = num.fNeg(n.fval, T.floatFormat(n.ty));
      return c;
    }
    case TK.Tilde: {
      p.next();
      let n = rvalue(p, castExpr(p));
      if (!isInteger(n.ty) && n.ty.kind !== TY.Complex && n.ty.kind !== TY.Vector) { p.error(t, 'wrong type argument to bit-complement'); return n; }
      if (p.wx.boolOperation) warnBoolOperation(p, n, t);
      n = promote(p, n);
      const c = newNode(NK.BitNot, t, n.ty);
      c.lhs = n;
      if (n.val !== null) c.val = wrapInt(~n.val, n.ty);
      return c;
    }
    case TK.Not: {
      p.next();
      const n = rvalue(p, castExpr(p));
      if (!isScalar(n.ty) && n.ty.kind !== TY.Vector) p.error(t, 'wrong type argument to unary exclamation mark');
      if (p.wTruth) warnTruth(p, n, false, t);
      const c = newNode(NK.LogNot, t, T.int);
      c.lhs = n;
      const tv = truthValue(p, n);
      if (tv !== null) c.val = tv ? 0n : 1n;
      return c;
    }
    case TK.Amp: {
      p.next();
      return mkAddr(p, castExpr(p), t);
    }
    case TK.Star: {
      p.next();
      return mkDeref(p, castExpr(p), t);
    }
    case TK.Inc: case TK.Dec: {
      p.next();
      const n = unary(p);
      return mkIncDec(p, t.kind === TK.Inc ? NK.PreInc : NK.PreDec, n, t);
    }
    case TK.AndAnd: {
      p.next();
      const id = p.next();
      if (id.kind !== TK.Ident) { p.error(id, 'expected identifier'); return intNode(t, T.voidPtr, 0n); }
      if (!p.fn) { p.error(t, 'taking the address of a label outside of a function'); return intNode(t, T.voidPtr, 0n); }
      const lab = getLabel(p, id.text, id);
      lab.addrTaken = true;
      lab.used = true;
      const n = newNode(NK.LabelAddr, t, T.voidPtr);
      n.label = lab;
      return n;
    }
    case TK.Ident: {
      const k = p.kw(t);
      if (k === KW.Sizeof) return sizeofExpr(p);
      if (k === KW.Alignof) return alignofExpr(p);
      if (k === KW.Extension) { p.next(); return castExpr(p); }
      if (k === KW.Real || k === KW.Imag) {
        p.next();
        const n = castExpr(p);
        return mkRealImag(p, k === KW.Real ? NK.Real : NK.Imag, n, t);
      }
      break;
    }
  }
  return postfix(p);
}

function mkRealImag(p: Parser, kind: NK, n: Node, t: Token): Node {
  const ty = n.ty;
  if (ty.kind === TY.Complex) {
    const r = newNode(kind, t, qualify(ty.base!, ty.qual));
    r.lhs = n;
    r.lvalue = n.lvalue;
    return r;
  }
  const v = rvalue(p, n);
  if (!isArith(v.ty)) { p.error(t, `wrong type argument to ${kind === NK.Real ? '__real' : '__imag'}`); return v; }
  if (kind === NK.Real) return v;
  // __imag__ of a real value is 0 (evaluating the operand)
  const z = newNode(NK.Comma, t, v.ty);
  z.lhs = v;
  z.rhs = isRealFloat(v.ty) ? floatZero(p, v) : intNode(t, v.ty, 0n);
  z.val = isInteger(v.ty) ? 0n : null;
  return z;
}

function floatZero(p: Parser, v: Node): Node {
  const n = newNode(NK.FloatConst, v.tok, v.ty);
  n.fval = 0n;
  void p;
  return n;
}

export function mkAddr(p: Parser, n: Node, t: Token): Node {
  const T = p.T;
  if (n.ty.kind === TY.Func) {
    const r = newNode(NK.Addr, t, T.pointerTo(n.ty));
    r.lhs = n;
    if (n.obj) n.obj.addrTaken = true;
    return r;
  }
  if (!n.lvalue) {
    if (n.kind === NK.Deref && n.ty.kind === TY.Void) {
      // &*(void*)p is allowed
    } else {
      p.error(t, "lvalue required as unary '&' operand");
      return intNode(t, T.pointerTo(n.ty), 0n);
    }
  }
  if (isBitField(n)) p.error(t, `cannot take address of bit-field '${n.member!.name}'`);
  if (n.kind === NK.Var && n.obj!.storage === SC.Register) {
    p.error(t, `address of register variable '${n.obj!.name}' requested`);
  }
  const r = newNode(NK.Addr, t, T.pointerTo(n.ty));
  r.lhs = n;
  if (n.kind === NK.Var) n.obj!.addrTaken = true;
  // &*p is p, &a[i] is a + i: fold constants through addrConst
  const a = lvalueAddr(n);
  if (a && a.base === null) r.val = wrapInt(a.offset, r.ty);
  return r;
}

export function mkDeref(p: Parser, n0: Node, t: Token): Node {
  const n = rvalue(p, n0);
  if (n.ty.kind !== TY.Pointer) {
    p.error(t, `invalid type argument of unary '*' (have ${quoteType(n.ty)})`);
    return n;
  }
  const b = n.ty.base!;
  const r = newNode(NK.Deref, t, b);
  r.lhs = n;
  r.lvalue = b.kind !== TY.Func && b.kind !== TY.Void;
  if (b.kind === TY.Void && p.noEval === 0) p.warn(null, t, "dereferencing 'void *' pointer");
  return r;
}

function mkIncDec(p: Parser, kind: NK, n: Node, t: Token): Node {
  const what = kind === NK.PreInc || kind === NK.PostInc ? 'increment' : 'decrement';
  checkModifiable(p, n, `${what} operand`, what, t);
  const ty = n.ty;
  if (!isScalar(ty) && ty.kind !== TY.Complex) p.error(t, `wrong type argument to ${what}`);
  if (ty.kind === TY.Pointer) checkPointerArith(p, ty, t);
  const r = newNode(kind, t, unqualified(ty));
  r.lhs = n;
  return r;
}

// sizeof
/** (The operand is not evaluated: gcc's c_inhibit_evaluation_warnings, p.noEval.) */
function sizeofExpr(p: Parser): Node {
  p.noEval++;
  try {
    return sizeofOperand(p);
  } finally {
    p.noEval--;
  }
}

function sizeofOperand(p: Parser): Node {
  const t = p.next();
  const T = p.T;
  if (p.at(TK.LParen) && isTypeNameStart(p, p.peek(1))) {
    p.next();
    const ty = typeName(p);
    p.expect(TK.RParen, "')'");
    if (p.at(TK.LBrace)) {
      // sizeof (T){...}: a compound literal
      const cl = postfixTail(p, compoundLiteral(p, ty, t));
      return sizeofType(p, cl.ty, t, cl);
    }
    const r = sizeofType(p, ty, t, null);
    if (p.wSizeofDiv) noteSizeof(p, r, ty, null);
    return r;
  }
  const n = unary(p);
  if (isBitField(n)) p.error(t, "'sizeof' applied to a bit-field");
  const r = sizeofType(p, n.ty, t, n);
  if (p.wSizeofDiv) noteSizeof(p, r, n.ty, n.kind === NK.Var ? n.obj : null);
  return r;
}

/** -Wsizeof-pointer-div: the last two sizeof expressions (`sizeof a / sizeof b` has them in a row). */
function noteSizeof(p: Parser, n: Node, ty: Type, obj: Obj | null): void {
  const prev = p.sizeofPrev;
  p.sizeofPrev = p.sizeofLast;
  prev.node = n; prev.ty = ty; prev.obj = obj;
  p.sizeofLast = prev;
}

function sizeofType(p: Parser, ty: Type, t: Token, operand: Node | null): Node {
  const T = p.T;
  if (isVarSize(ty) || (isVM(ty) && ty.kind === TY.Array)) {
    const n = newNode(NK.SizeofVLA, t, T.sizeT);
    n.lhs = operand;
    n.opTy = ty;
    return n;
  }
  let size = ty.size;
  if (ty.kind === TY.Func) { p.pedwarn('pointer-arith', t, "invalid application of 'sizeof' to a function type"); size = 1; }
  else if (ty.kind === TY.Void) { p.pedwarn('pointer-arith', t, "invalid application of 'sizeof' to a void type"); size = 1; }
  else if (!isComplete(ty)) { p.error(t, `invalid application of 'sizeof' to incomplete type ${quoteType(ty)}`); size = 0; }
  return intNode(t, T.sizeT, BigInt(size));
}

function alignofExpr(p: Parser): Node {
  p.noEval++;
  try {
    return alignofOperand(p);
  } finally {
    p.noEval--;
  }
}

function alignofOperand(p: Parser): Node {
  const t = p.next();
  const T = p.T;
  const std = t.text === '_Alignof' || t.text === 'alignof';
  let ty: Type;
  if (p.at(TK.LParen) && isTypeNameStart(p, p.peek(1))) {
    p.next();
    ty = typeName(p);
    p.expect(TK.RParen, "')'");
  } else {
    const n = unary(p);
    if (std) p.pedwarn('pedantic', t, `ISO C does not allow '${t.text} (expression)'`);
    ty = n.ty;
    if (n.kind === NK.Var && n.obj!.align) return intNode(t, T.sizeT, BigInt(Math.max(n.obj!.align, typeAlign(p, ty))));
    // a member: its alignment in the record (gcc's DECL_ALIGN), also of a flexible array member
    if (n.kind === NK.Member && n.member && !std && n.member.bitWidth < 0) return intNode(t, T.sizeT, BigInt(n.member.align));
  }
  if (!isComplete(ty) && ty.kind !== TY.Void && ty.kind !== TY.Func) p.error(t, `invalid application of '${t.text}' to incomplete type ${quoteType(ty)}`);
  let a = typeAlign(p, ty);
  // gcc's __alignof__ reports the preferred alignment of 8-byte types on i386
  if (!std && p.target.arch === 'i386' && (ty.kind === TY.LLong || ty.kind === TY.ULLong || ty.kind === TY.Double)) a = 8;
  if (std && p.target.arch === 'i386' && (ty.kind === TY.LLong || ty.kind === TY.ULLong || ty.kind === TY.Double) && !ty.alignOverride) a = 4;
  return intNode(t, T.sizeT, BigInt(a));
}

// postfix = primary ("[" expression "]" | "(" args ")" | "." ident | "->" ident | "++" | "--")*
function postfix(p: Parser): Node {
  return postfixTail(p, primary(p));
}

function postfixTail(p: Parser, n: Node): Node {
  for (;;) {
    const t = p.tok();
    switch (t.kind) {
      case TK.LBracket: {
        p.next();
        const idx = expr(p);
        p.expect(TK.RBracket, "']'");
        n = mkSubscript(p, n, idx, t);
        continue;
      }
      case TK.LParen:
        p.next();
        n = callExpr(p, n, t);
        continue;
      case TK.Dot: {
        p.next();
        const id = p.next();
        if (id.kind !== TK.Ident) { p.error(id, `expected identifier before ${id.text}`); continue; }
        n = mkMember(p, n, id, t);
        continue;
      }
      case TK.Arrow: {
        p.next();
        const id = p.next();
        if (id.kind !== TK.Ident) { p.error(id, `expected identifier before ${id.text}`); continue; }
        const base = rvalue(p, n);
        if (base.ty.kind !== TY.Pointer) {
          p.error(t, `invalid type argument of '->' (have ${quoteType(base.ty)})`);
          continue;
        }
        const d = newNode(NK.Deref, t, base.ty.base!);
        d.lhs = base;
        d.lvalue = true;
        n = mkMember(p, d, id, t);
        continue;
      }
      case TK.Inc: case TK.Dec:
        p.next();
        n = mkIncDec(p, t.kind === TK.Inc ? NK.PostInc : NK.PostDec, n, t);
        continue;
    }
    return n;
  }
}

function mkSubscript(p: Parser, a0: Node, i0: Node, t: Token): Node {
  if (a0.ty.kind === TY.Vector) {
    // v[i]: element of a vector lvalue, through a pointer to its first element
    const T = p.T;
    const ep = newNode(NK.Addr, t, T.pointerTo(a0.ty));
    ep.lhs = a0;
    const c = newNode(NK.Cast, t, T.pointerTo(qualify(a0.ty.base!, a0.ty.qual)));
    c.ck = CK.Convert; c.lhs = ep;
    return mkDeref(p, mkBinary(p, NK.Add, c, i0, t), t);
  }
  const a = rvalue(p, a0), i = rvalue(p, i0);
  if (a.ty.kind !== TY.Pointer && i.ty.kind !== TY.Pointer) {
    p.error(t, 'subscripted value is neither array nor pointer nor vector');
    return a;
  }
  if (!isInteger(a.ty.kind === TY.Pointer ? i.ty : a.ty)) {
    p.error(t, 'array subscript is not an integer');
    return a;
  }
  if (p.wCharSubscripts && (a.ty.kind === TY.Pointer ? i0 : a0).ty.kind === TY.Char) p.warn('char-subscripts', t, "array subscript has type 'char'");
  const sum = mkBinary(p, NK.Add, a, i, t);
  return mkDeref(p, sum, t);
}

export function mkMember(p: Parser, base: Node, id: Token, t: Token): Node {
  const ty = base.ty;
  if (ty.kind !== TY.Struct && ty.kind !== TY.Union) {
    const pointee = ty.kind === TY.Pointer ? ty.base!.kind : -1;
    if (t.kind === TK.Dot && (pointee === TY.Struct || pointee === TY.Union) && base.kind === NK.Var && base.obj) {
      p.error(t, `'${base.obj.name}' is a pointer; did you mean to use '->'?`);
    } else p.error(t, `request for member '${id.text}' in something not a structure or union`);
    return errNode(p, t, base);
  }
  if (!ty.rec!.complete) {
    p.error(t, `invalid use of undefined type ${quoteType(ty)}`);
    return errNode(p, t, base);
  }
  const direct = directMember(ty, id.text);
  if (direct !== undefined) {
    // the common case: a member of the record itself (no path through anonymous members)
    const r = newNode(NK.Member, id, qualify(direct.ty, base.ty.qual & (Q.Const | Q.Volatile)));
    r.lhs = base;
    r.member = direct;
    r.lvalue = base.lvalue;
    return r;
  }
  const path = findMember(ty, id.text);
  if (!path) {
    p.error(id, `${quoteType(ty)} has no member named '${id.text}'`);
    return errNode(p, t, base);
  }
  let n = base;
  for (const m of path) {
    const r = newNode(NK.Member, id, qualify(m.ty, n.ty.qual & (Q.Const | Q.Volatile)));
    r.lhs = n;
    r.member = m;
    r.lvalue = n.lvalue;
    n = r;
  }
  return n;
}

function callExpr(p: Parser, fn0: Node, t: Token): Node {
  const T = p.T;
  // arguments
  const args: Node[] = [];
  if (!p.at(TK.RParen)) {
    for (;;) {
      args.push(assign(p));
      if (!p.accept(TK.Comma)) break;
    }
  }
  p.expect(TK.RParen, "')'");
  return mkCall(p, fn0, args, t);
}

/** Builtins that never return (gcc's -Wreturn-type front-end check). */
const NORETURN = new Set(['abort', 'exit', '_exit', '_Exit', 'quick_exit', 'longjmp', 'siglongjmp', '__builtin_abort',
  '__builtin_exit', '__builtin__exit', '__builtin__Exit', '__builtin_unreachable', '__builtin_trap', '__builtin_longjmp']);

/** -Wreturn-type: the function being parsed calls one that does not return. */
function noteNoreturnCall(p: Parser, fobj: Obj): void {
  if (fobj.attrs?.noreturn || (fobj.builtin >= 0 && NORETURN.has(fobj.name))) p.fn!.callsNoreturn = true;
}

/** A call of fn0 with the (unconverted) argument expressions. */
export function mkCall(p: Parser, fn0: Node, args: Node[], t: Token): Node {
  const T = p.T;
  const fobj = fn0.kind === NK.Var ? fn0.obj : null;
  if (fobj && p.wReturnType && p.fn) noteNoreturnCall(p, fobj);
  if (fobj && fobj.storage === SC.Builtin && isGenericBuiltin(fobj.builtin)) {
    return builtinCall(p, fobj, args, fn0.tok);
  }
  const fn = rvalue(p, fn0);
  const ft = fn.ty.kind === TY.Pointer ? fn.ty.base! : null;
  if (!ft || ft.kind !== TY.Func) {
    if (fobj) {
      p.error(t, `called object '${fobj.name}' is not a function or function pointer`);
    } else p.error(t, 'called object is not a function or function pointer');
    const e = newNode(NK.Call, t, T.int);
    e.lhs = fn; e.list = args.map((a) => rvalue(p, a));
    return e;
  }
  const ret = unqualified(ft.base!);
  const out: Node[] = [];
  const params = ft.params;
  const name = fobj ? fobj.name : '';
  // (an implicitly declared built-in whose type int() is not compatible with keeps the built-in's: gcc
  // checks the arguments against it)
  const checked = params !== null && !ft.oldStyle && !(fobj && fobj.implicit && !(fobj.builtinImplicit && !compatible(p.T.funcType(p.T.int, null, false, true), ft)));
  if (checked) {
    if (args.length > params!.length && !ft.variadic) {
      p.error(args[params!.length].tok, `too many arguments to function '${name || typeToString(fn.ty)}'`);
      if (fobj && fobj.tok) p.note(fobj.tok, 'declared here');
    } else if (args.length < params!.length) {
      p.error(t, `too few arguments to function '${name || typeToString(fn.ty)}'`);
      if (fobj && fobj.tok) p.note(fobj.tok, 'declared here');
    }
  }
  // (one ArgInfo for all the arguments: assignConvert reads it only while it runs)
  const arg: ArgInfo = { fn: fobj, index: 0, fnTok: t };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (checked && i < params!.length) {
      arg.index = i;
      out.push(assignConvert(p, a, params[i], Ctx.Arg, arg));
    } else if (params && ft.oldStyle && i < params.length) {
      // K&R definition visible: arguments are promoted, then must match the promoted parameter
      out.push(defaultPromote(p, rvalue(p, a)));
    } else {
      const v = rvalue(p, a);
      if (v.ty.kind === TY.Void) p.error(v.tok, 'invalid use of void expression');
      out.push(defaultPromote(p, v));
    }
  }
  if (ret.kind !== TY.Void && !isComplete(ret)) p.error(t, `invalid use of undefined type ${quoteType(ret)}`);
  const n = newNode(NK.Call, t, ret);
  n.lhs = fn;
  n.list = out;
  if (fobj) {
    if (fobj !== p.fn) fobj.used = true;
    if (fobj.builtin >= 0) { n.builtin = fobj.builtin; foldLibraryCall(p, n, fobj); }
    if (p.wFormat && (fobj.builtin >= 0 || fobj.attrs?.format)) checkFormatCall(p, fobj, out);
  }
  return n;
}

/** Default argument promotions (C17 6.5.2.2p6). */
export function defaultPromote(p: Parser, n: Node): Node {
  if (n.ty.kind === TY.Float) return convertTo(p, n, p.T.double);
  if (isInteger(n.ty)) return promote(p, n);
  return n;
}

function foldLibraryCall(p: Parser, n: Node, f: Obj): void {
  foldBuiltin(p, n, f);
}

// primary = "(" expression ")" | "(" "{" stmt-expr "}" ")" | identifier | constant | string-literal
//         | "_Generic" "(" assignment "," generic-assoc-list ")" | builtin-with-type-arguments
function primary(p: Parser): Node {
  const t = p.tok();
  const T = p.T;
  switch (t.kind) {
    case TK.LParen: {
      p.next();
      if (p.at(TK.LBrace)) return stmtExpr(p, t);
      const n = expr(p);
      p.expect(TK.RParen, "')'");
      if (p.wParens) n.paren = true;
      return n;
    }
    case TK.Number: p.next(); return numberLiteral(p, t);
    case TK.Char: p.next(); return charLiteral(p, t);
    case TK.String: return stringLiteral(p);
    case TK.Ident: {
      const k = p.kw(t);
      if (k === KW.Generic) return genericSelection(p);
      if (k === KW.Builtin) return specialBuiltin(p);
      if (k !== KW.None) break;
      p.next();
      return identifier(p, t);
    }
  }
  p.error(t, t.kind === TK.EOF ? 'expected expression at end of input' : `expected expression before ${describe(t)}`);
  if (!p.at(TK.Semi) && !p.at(TK.RBrace) && !p.at(TK.RParen) && !p.at(TK.EOF) && !p.at(TK.Comma)) p.next();
  return intNode(t, T.int, 0n);
}

function describe(t: Token): string {
  switch (t.kind) {
    case TK.EOF: return 'end of input';
    case TK.Ident: return `'${t.text}'`;
  }
  return `'${t.text}' token`;
}

function identifier(p: Parser, t: Token): Node {
  const T = p.T;
  const name = t.text;
  let o = p.lookupTok(t);
  if (o === null) {
    if (name === '__func__' || name === '__FUNCTION__' || name === '__PRETTY_FUNCTION__') return funcName(p, t);
    const b = getBuiltin(p, name);
    if (b) o = b;
    else if (p.at(TK.LParen)) o = implicitDeclaration(p, t);
    else {
      if (p.fn) {
        if (!p.reportedUndeclared.has(name)) {
          p.error(t, `'${name}' undeclared (first use in this function)`);
          if (!p.undeclaredNoteGiven) {
            p.note(t, 'each undeclared identifier is reported only once for each function it appears in');
            p.undeclaredNoteGiven = true;
          }
          p.reportedUndeclared.add(name);
        }
      } else p.error(t, `'${name}' undeclared here (not in a function)`);
      return intNode(t, T.int, 0n);
    }
  }
  if (o.storage === SC.EnumConst) {
    const n = newNode(NK.EnumConst, t, o.ty);
    n.obj = o;
    n.val = o.enumVal;
    if (o.attrs?.deprecated !== undefined) p.warn('deprecated-declarations', t, `'${name}' is deprecated`);
    return n;
  }
  if (o.storage === SC.Typedef) {
    p.error(t, `expected expression before '${name}'`);
    return intNode(t, T.int, 0n);
  }
  // (a function's references to itself do not make it used: gcc's referred_to_p excludes them)
  if (o !== p.fn) o.used = true;
  o.reads++;
  if (o.attrs?.deprecated !== undefined) {
    p.warn('deprecated-declarations', t, o.attrs.deprecated ? `'${name}' is deprecated: ${o.attrs.deprecated}` : `'${name}' is deprecated`);
  }
  const n = newNode(NK.Var, t, o.ty);
  n.obj = o;
  n.lvalue = !o.isFunc;
  return n;
}

function funcName(p: Parser, t: Token): Node {
  const T = p.T;
  const fname = p.fn ? p.fn.name : '';
  if (!p.fn) p.warn(null, t, `'${t.text}' is not defined outside of function scope`);
  const units = Array.from(Buffer.from(fname, 'utf8'));
  const o = new Obj(t.text, T.arrayOf(qualify(T.char, Q.Const), units.length + 1), t);
  o.id = p.nextObjId++;
  o.storage = SC.Static;
  o.defined = true;
  o.used = true; // (never an unused variable)
  o.reads = 1;
  const { StrLit, InitItem } = require('./ast');
  const s = new StrLit(units, T.char);
  p.strings.push(s);
  const sn = newNode(NK.StrLit, t, T.arrayOf(T.char, units.length + 1));
  sn.str = s;
  sn.lvalue = true;
  o.init = [new InitItem(0, o.ty, sn, -1, -1)];
  if (p.fn) { p.scopes[1]?.setVar(t.text, o); o.depth = 1; }
  p.decls.push(o);
  const n = newNode(NK.Var, t, o.ty);
  n.obj = o;
  n.lvalue = true;
  return n;
}

/** The block-scope function declarations that an implicit declaration reused or made (gcc's
 *  C_DECL_IMPLICIT: it warns once per function). */
const implicitWarned = new WeakSet<Obj>();

/** A call to an undeclared function: gcc 12 declares it implicitly as `int name()` (with a warning). */
function implicitDeclaration(p: Parser, t: Token): Obj {
  const T = p.T;
  const bt = implicitBuiltinType(p, t.text);
  const name = t.text;
  const prevExtern = p.externs.get(name);
  if (prevExtern) {
    // declared in another block scope: gcc reuses it, and warns the first time only
    if (!implicitWarned.has(prevExtern)) {
      implicitWarned.add(prevExtern);
      if (p.warn('implicit-function-declaration', t, `implicit declaration of function '${name}'`) && !prevExtern.implicit && prevExtern.tok) {
        p.note(prevExtern.tok, `previous declaration of '${name}' with type ${quoteType(prevExtern.ty)}`);
      }
    }
    // (a built-in function: in each new scope again)
    if (bt && prevExtern.builtin >= 0 && !compatible(T.funcType(T.int, null, false, true), bt.ty)) {
      if (p.warn('builtin-declaration-mismatch', t, `incompatible implicit declaration of built-in function '${name}'`) && bt.header) {
        p.note(t, `include '<${bt.header}>' or provide a declaration of '${name}'`);
      }
    }
    p.scopes[p.scopes.length - 1].setVar(name, prevExtern);
    return prevExtern;
  }
  if (p.warn('implicit-function-declaration', t, `implicit declaration of function '${name}'`) && bt && bt.header) {
    p.note(t, `include '<${bt.header}>' or provide a declaration of '${name}'`);
  }
  const o = new Obj(name, bt ? bt.ty : T.funcType(T.int, null, false, true), t);
  o.isFunc = true;
  o.storage = SC.Extern;
  o.linkage = Linkage.External;
  o.implicit = true;
  if (bt) {
    o.builtin = bt.id;
    o.builtinImplicit = true;
    // (int() is compatible with a prototype of promoted parameters, without `...`, returning int)
    if (!compatible(T.funcType(T.int, null, false, true), bt.ty)) {
      if (p.warn('builtin-declaration-mismatch', t, `incompatible implicit declaration of built-in function '${name}'`) && bt.header) {
        p.note(t, `include '<${bt.header}>' or provide a declaration of '${name}'`);
      }
    }
  }
  // the declaration has block scope in C99, but gcc remembers it for the file
  p.declare(o);
  p.externs.set(name, o);
  implicitWarned.add(o);
  p.decls.push(o);
  return o;
}

function stmtExpr(p: Parser, t: Token): Node {
  const T = p.T;
  if (!p.fn) {
    p.error(t, 'braced-group within expression allowed only inside a function');
    p.skipParens();
    return intNode(t, T.int, 0n);
  }
  p.pedwarn('pedantic', t, 'ISO C forbids braced-groups within expressions');
  p.stmtExprDepth++;
  const body = compoundStmt(p, true);
  p.stmtExprDepth--;
  p.expect(TK.RParen, "')'");
  // value: the last statement if it is an expression statement
  let ty = T.void;
  const list = body.list!;
  const last = list.length ? list[list.length - 1] : null;
  if (last && last.kind === NK.ExprStmt) {
    const v = rvalue(p, last.lhs!);
    last.lhs = v;
    ty = v.ty;
  }
  const n = newNode(NK.StmtExpr, t, ty);
  n.body = body;
  return n;
}

// generic-selection = "_Generic" "(" assignment ("," (type-name | "default") ":" assignment)+ ")"
function genericSelection(p: Parser): Node {
  const t = p.next();
  p.expect(TK.LParen, "'('");
  const ctl = rvalue(p, assign(p));
  const cty = unqualified(ctl.ty);
  let chosen: Node | null = null, dflt: Node | null = null;
  while (p.accept(TK.Comma)) {
    if (p.atKw(KW.Default)) {
      const dt = p.next();
      p.expect(TK.Colon, "':'");
      const e = assign(p);
      if (dflt) p.error(dt, "duplicate 'default' case in '_Generic'");
      dflt = e;
      continue;
    }
    const ty = typeName(p);
    p.expect(TK.Colon, "':'");
    const e = assign(p);
    if (compatible(cty, ty)) {
      if (chosen) p.error(e.tok, `'_Generic' selector matches multiple associations`);
      else chosen = e;
    }
  }
  p.expect(TK.RParen, "')'");
  const r = chosen ?? dflt;
  if (!r) {
    p.error(t, `'_Generic' selector of type ${quoteType(ctl.ty)} is not compatible with any association`);
    return intNode(t, p.T.int, 0n);
  }
  return r;
}

/** conditional-expression that must be an integer constant expression. */
export function constIntExpr(p: Parser): bigint {
  const n = rvalue(p, condExpr(p));
  if (n.val === null || !isInteger(n.ty)) {
    if (isInteger(n.ty) || n.ty.kind === TY.Pointer) p.error(n.tok, 'expression in static assertion is not an integer constant expression'.replace('expression in static assertion is', 'expression is') .replace('expression is not an integer constant expression', 'integer constant expression expected'));
    else p.error(n.tok, 'integer constant expression expected');
    return 0n;
  }
  return n.val;
}

export { declSpec, declarator };
