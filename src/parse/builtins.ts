// gcc builtins: one table with each builtin's signature, read by the parser (types, implicit
// declarations of library builtins such as `abort` or `memcpy`, constant folding) and by the lowering
// (BUILTINS[id].name tells it which builtin an NK.Call or NK.Builtin node invokes).
//
// Signature strings: "RET:PARAMS" with one letter per type:
//   v void  b _Bool  i int  u unsigned  l long  L unsigned long  x long long  X unsigned long long
//   y uint16_t  T __int128 unsigned  z size_t  Z ssize_t  p void*  P const void*  s char*  S const char*
//   f float  d double  D long double  Q _Float128  F FILE* (as void*)  V va_list  n int*  e double*
//   j _Complex float  J _Complex double  k _Complex long double
//   g any type (no conversion)  . variadic
// Builtins whose result type depends on the arguments (type-generic: __sync_*, __atomic_*, the
// overflow checks, isnan & co, va_start...) have kind Generic; calls to them become NK.Builtin nodes
// with the arguments in `list`. All others are ordinary calls (NK.Call with `builtin` set).

import { Token, TK } from '../lex/token';
import { CK, NK, Node, Obj, SC, Linkage } from './ast';
import { KW, Parser } from './state';
import { TY, Type, Q, compatible, isArith, isInteger, isPointer, isRealFloat, isScalar, qualify, quoteType, unqualified, isComplete } from './types';
import { assign, condExpr, convertTo, rvalue, newNode, assignConvert, Ctx, mkMember, mkBinary, mkAddr, isNullPtrConst, defaultPromote, mkCall } from './expr';
import { typeName, isTypeNameStart } from './decl';
import { intNode, wrapInt } from './literal';
import * as num from '../numeric';
import { BK, BUILTINS, byName } from './builtin-table';

export { BK, BUILTINS } from './builtin-table';
export type { BuiltinDef } from './builtin-table';

/** Id of a library builtin by its plain name (`memcpy`), or -1. */
export function libraryBuiltin(name: string): number {
  const id = byName.get(name);
  return id !== undefined && BUILTINS[id].kind === BK.Lib ? id : -1;
}

export function isGenericBuiltin(id: number): boolean {
  return id >= 0 && BUILTINS[id].kind === BK.Generic;
}

/** Type of a signature letter. */
function sigType(p: Parser, c: string): Type {
  const T = p.T;
  switch (c) {
    case 'v': return T.void;
    case 'b': return T.bool;
    case 'i': return T.int;
    case 'u': return T.uint;
    case 'l': return T.long;
    case 'L': return T.ulong;
    case 'x': return T.llong;
    case 'X': return T.target.longSize === 8 ? T.ulong : T.ullong;
    case 'y': return T.ushort;
    case 'T': return T.target.int128 ? T.uint128 : T.ullong;
    case 'z': return T.sizeT;
    case 'Z': return T.ptrdiffT;
    case 'p': return T.voidPtr;
    case 'P': return T.constVoidPtr;
    case 's': return T.charPtr;
    case 'S': return T.constCharPtr;
    case 'f': return T.float;
    case 'd': return T.double;
    case 'D': return T.ldouble;
    case 'Q': return T.float128;
    case 'F': return T.voidPtr;
    case 'V': return T.vaList.kind === TY.Array ? T.pointerTo(T.vaList.base!) : T.vaList;
    case 'n': return T.pointerTo(T.int);
    case 'e': return T.pointerTo(T.double);
    case 'j': return T.complexOf(T.float);
    case 'J': return T.complexOf(T.double);
    case 'k': return T.complexOf(T.ldouble);
  }
  return T.int;
}

const sigCache = new Map<string, Type>();
let sigCacheTypes: unknown = null;

function sigFuncType(p: Parser, sig: string): Type {
  if (sigCacheTypes !== p.T) { sigCache.clear(); sigCacheTypes = p.T; }
  const c = sigCache.get(sig);
  if (c) return c;
  const [r, ps] = sig.split(':');
  const variadic = ps.endsWith('.');
  const letters = variadic ? ps.slice(0, -1) : ps;
  let generic = r === 'g';
  const params: Type[] = [];
  for (const ch of letters) { if (ch === 'g') generic = true; params.push(sigType(p, ch)); }
  const t = generic ? p.T.funcType(r === 'g' ? p.T.int : sigType(p, r), null, false, true)
    : p.T.funcType(sigType(p, r), params, variadic, false);
  sigCache.set(sig, t);
  return t;
}

/** The Obj for a `__builtin_*`, `__sync_*` or `__atomic_*` name, or null if it is not one. */
export function getBuiltin(p: Parser, name: string): Obj | null {
  const c = p.builtinObjs.get(name);
  if (c) return c;
  let id = byName.get(name);
  if (id === undefined && name.startsWith('__builtin_')) {
    const lib = byName.get(name.slice(10));
    if (lib !== undefined && BUILTINS[lib].kind === BK.Lib) id = lib;
  }
  if (id === undefined) return null;
  const b = BUILTINS[id];
  if (b.kind === BK.Lib && !name.startsWith('__builtin_')) return null;
  const ty = b.kind === BK.Generic ? p.T.funcType(p.T.int, null, false, true) : sigFuncType(p, b.sig);
  const o = new Obj(name, ty, null);
  o.id = p.nextObjId++;
  o.isFunc = true;
  o.storage = SC.Builtin;
  o.linkage = Linkage.External;
  o.builtin = id;
  o.builtinDecl = true;
  if (name === '__builtin_unreachable' || name === '__builtin_trap' || name === '__builtin_longjmp' || name === '__builtin_abort') { o.attrs = { noreturn: true }; }
  p.builtinObjs.set(name, o);
  return o;
}

/** For an undeclared call to `name`: the library builtin's type (gcc declares it so), or null. */
export function implicitBuiltinType(p: Parser, name: string): { ty: Type; id: number; header: string | null } | null {
  const id = libraryBuiltin(name);
  if (id < 0) return null;
  const b = BUILTINS[id];
  return { ty: sigFuncType(p, b.sig), id, header: b.header };
}

// ---------------------------------------------------------------------------------------------
// Type-generic builtins

function builtinNode(p: Parser, id: number, t: Token, ty: Type, args: Node[]): Node {
  const n = newNode(NK.Builtin, t, ty);
  n.builtin = id;
  n.list = args;
  void p;
  return n;
}

function needArgs(p: Parser, args: Node[], n: number, name: string, t: Token): boolean {
  if (args.length < n) { p.error(t, `too few arguments to function '${name}'`); return false; }
  if (args.length > n) { p.error(t, `too many arguments to function '${name}'`); return false; }
  return true;
}

/** The expression has no side effects (no assignment, call, volatile access, statement expression...). */
function sideEffectFree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.kind) {
    case NK.Assign: case NK.OpAssign: case NK.PreInc: case NK.PreDec: case NK.PostInc: case NK.PostDec:
    case NK.Call: case NK.StmtExpr: case NK.VaArg: case NK.Builtin: case NK.CompoundLit: case NK.SizeofVLA:
      return false;
  }
  if (n.ty.qual & Q.Volatile) return false;
  if (n.list) for (const c of n.list) if (!sideEffectFree(c)) return false;
  return sideEffectFree(n.lhs) && sideEffectFree(n.rhs) && (n.kind !== NK.Cond || (sideEffectFree(n.cond) && sideEffectFree(n.then) && sideEffectFree(n.els)));
}

function bcpNode(n: Node): Node {
  n.bcp = true;
  return n;
}

/** A call to a type-generic builtin. */
export function builtinCall(p: Parser, f: Obj, raw: Node[], t: Token): Node {
  const T = p.T;
  const id = f.builtin;
  const name = BUILTINS[id].name;
  const r = (n: Node) => rvalue(p, n);
  switch (name) {
    case '__builtin_constant_p': {
      if (!needArgs(p, raw, 1, name, t)) return intNode(t, T.int, 0n);
      const a = raw[0];
      if (a.kind === NK.StrLit || a.val !== null || a.fval !== null) return bcpNode(intNode(t, T.int, 1n));
      // gcc decides the rest after optimisation (a local holding a constant is one): when optimising,
      // a side-effect-free scalar argument inside a function is left to the lowering (`isconst`);
      // the result is then not a constant expression, except where gcc folds it at once (0)
      if (p.opts.optimize && p.fn !== null && !p.foldConstantP && isScalar(a.ty) && sideEffectFree(a)) return builtinNode(p, id, t, T.int, [r(a)]);
      return bcpNode(intNode(t, T.int, 0n));
    }
    case '__builtin_classify_type': {
      if (!needArgs(p, raw, 1, name, t)) return intNode(t, T.int, 0n);
      return intNode(t, T.int, BigInt(classifyType(r(raw[0]).ty)));
    }
    case '__builtin_isnan': case '__builtin_isinf': case '__builtin_isfinite': case '__builtin_isnormal':
    case '__builtin_signbit': case '__builtin_issignaling': {
      if (!needArgs(p, raw, 1, name, t)) return intNode(t, T.int, 0n);
      const a = r(raw[0]);
      if (!isRealFloat(a.ty) && !isInteger(a.ty)) p.error(t, `non-floating-point argument in call to function '${name}'`);
      const n = builtinNode(p, id, t, T.int, [a]);
      if (a.fval !== null && isRealFloat(a.ty)) {
        const fmt = T.floatFormat(a.ty);
        if (name === '__builtin_isnan') n.val = num.fIsNaN(a.fval, fmt) ? 1n : 0n;
        else if (name === '__builtin_isinf') n.val = num.fIsInf(a.fval, fmt) ? 1n : 0n;
        else if (name === '__builtin_isfinite') n.val = !num.fIsInf(a.fval, fmt) && !num.fIsNaN(a.fval, fmt) ? 1n : 0n;
        else if (name === '__builtin_signbit') n.val = num.fSignBit(a.fval, fmt) ? 1n : 0n;
      }
      return n;
    }
    case '__builtin_fpclassify': {
      if (!needArgs(p, raw, 6, name, t)) return intNode(t, T.int, 0n);
      const args = raw.map((a, i) => i < 5 ? convertTo(p, r(a), T.int) : r(a));
      return builtinNode(p, id, t, T.int, args);
    }
    case '__builtin_isgreater': case '__builtin_isgreaterequal': case '__builtin_isless': case '__builtin_islessequal':
    case '__builtin_islessgreater': case '__builtin_isunordered': {
      if (!needArgs(p, raw, 2, name, t)) return intNode(t, T.int, 0n);
      const a = r(raw[0]), b = r(raw[1]);
      if (!isArith(a.ty) || !isArith(b.ty)) p.error(t, `non-floating-point arguments in call to function '${name}'`);
      return builtinNode(p, id, t, T.int, [a, b]);
    }
    case '__builtin_va_start': case '__builtin_stdarg_start': {
      if (raw.length < 1) { p.error(t, `too few arguments to function '${name}'`); return intNode(t, T.void, 0n); }
      if (p.fn) { p.fn.usesVaStart = true; if (!p.fn.ty.variadic) p.error(t, "'va_start' used in function with fixed arguments"); }
      return builtinNode(p, id, t, T.void, [vaListArg(p, raw[0]), ...raw.slice(1).map(r)]);
    }
    case '__builtin_va_end': {
      if (!needArgs(p, raw, 1, name, t)) return intNode(t, T.void, 0n);
      return builtinNode(p, id, t, T.void, [vaListArg(p, raw[0])]);
    }
    case '__builtin_va_copy': {
      if (!needArgs(p, raw, 2, name, t)) return intNode(t, T.void, 0n);
      return builtinNode(p, id, t, T.void, [vaListArg(p, raw[0]), vaListArg(p, raw[1])]);
    }
    case '__builtin_speculation_safe_value': {
      const a = raw.map(r);
      return builtinNode(p, id, t, a.length ? a[0].ty : T.int, a);
    }
    case '__builtin_complex': {
      if (!needArgs(p, raw, 2, name, t)) return intNode(t, T.int, 0n);
      const a = r(raw[0]), b = r(raw[1]);
      if (!isRealFloat(a.ty) || !isRealFloat(b.ty)) p.error(t, `'__builtin_complex' operand not of real binary floating-point type`);
      return builtinNode(p, id, t, T.complexOf(unqualified(a.ty)), [a, b]);
    }
    case '__builtin_shuffle': {
      const a = raw.map(r);
      return builtinNode(p, id, t, a.length ? a[0].ty : T.int, a);
    }
    case '__builtin_alloca': {
      if (!needArgs(p, raw, 1, name, t)) return intNode(t, T.voidPtr, 0n);
      if (p.fn) p.fn.hasVLA = true;
      return builtinNode(p, id, t, T.voidPtr, [convertTo(p, r(raw[0]), T.sizeT)]);
    }
  }
  if (name.endsWith('_overflow') || name.endsWith('_overflow_p')) return overflowBuiltin(p, id, name, raw, t);
  if (name.startsWith('__sync_') || name.startsWith('__atomic_')) return atomicBuiltin(p, id, name, raw, t);
  p.error(t, `unsupported builtin '${name}'`);
  return intNode(t, T.int, 0n);
}

/** gcc's __builtin_classify_type classes. */
function classifyType(t: Type): number {
  switch (t.kind) {
    case TY.Void: return 0;
    case TY.Bool: return 4;
    case TY.Char: case TY.SChar: case TY.UChar: return 1;
    case TY.Enum: return 3;
    case TY.Pointer: return 5;
    case TY.Float: case TY.Double: case TY.LDouble: case TY.Float128: return 8;
    case TY.Complex: return 9;
    case TY.Func: return 10;
    case TY.Struct: return 12;
    case TY.Union: return 13;
    case TY.Array: return 14;
    case TY.Vector: return 19;
  }
  return 1;
}

/** A va_list argument: the decayed pointer for array-typed va_list (x86-64), else the lvalue itself. */
function vaListArg(p: Parser, n: Node): Node {
  if (n.ty.kind === TY.Array) return rvalue(p, n);
  return n;
}

function overflowBuiltin(p: Parser, id: number, name: string, raw: Node[], t: Token): Node {
  const T = p.T;
  if (!needArgs(p, raw, 3, name, t)) return intNode(t, T.bool, 0n);
  const a = rvalue(p, raw[0]), b = rvalue(p, raw[1]), c = rvalue(p, raw[2]);
  if (!isInteger(a.ty) || !isInteger(b.ty)) p.error(t, `argument 1 in call to function '${name}' does not have integral type`);
  if (name.endsWith('_p')) {
    if (!isInteger(c.ty)) p.error(t, `argument 3 in call to function '${name}' does not have integral type`);
  } else if (c.ty.kind !== TY.Pointer || !isInteger(c.ty.base!) || c.ty.base!.kind === TY.Bool || c.ty.base!.kind === TY.Enum) {
    p.error(t, `argument 3 in call to function '${name}' does not have pointer to integral type`);
  } else if (c.ty.base!.qual & Q.Const) p.error(t, `argument 3 in call to function '${name}' has pointer to 'const' type (${quoteType(c.ty)})`);
  return builtinNode(p, id, t, T.bool, [a, b, c]);
}

function atomicBuiltin(p: Parser, id: number, name: string, raw: Node[], t: Token): Node {
  const T = p.T;
  const args = raw.map((a) => rvalue(p, a));
  if (name === '__sync_synchronize') return builtinNode(p, id, t, T.void, args);
  if (name === '__atomic_thread_fence' || name === '__atomic_signal_fence') return builtinNode(p, id, t, T.void, args);
  if (name === '__atomic_feraiseexcept') return builtinNode(p, id, t, T.void, args);
  if (name === '__atomic_always_lock_free' || name === '__atomic_is_lock_free') {
    const n = builtinNode(p, id, t, T.bool, args);
    if (args[0] && args[0].val !== null) {
      const sz = Number(args[0].val);
      const max = p.target.arch === 'i386' ? 8 : 16;
      if (name === '__atomic_always_lock_free' || (args[1] && args[1].val === 0n)) n.val = sz > 0 && sz <= max && (sz & (sz - 1)) === 0 && sz <= (p.target.arch === 'x86_64' ? 8 : p.target.ptrSize * (p.target.arch === 'i386' ? 2 : 1)) ? 1n : 0n;
    }
    return n;
  }
  if (args.length === 0 || args[0].ty.kind !== TY.Pointer) {
    p.error(t, `argument 1 of '${name}' must be a non-void pointer type`);
    return intNode(t, T.int, 0n);
  }
  const elem = unqualified(args[0].ty.base!);
  if (elem.kind === TY.Void || !isComplete(elem)) {
    p.error(t, `argument 1 of '${name}' must be a pointer to a nonzero size object`);
    return intNode(t, T.int, 0n);
  }
  const isN = name.endsWith('_n') || name.startsWith('__sync_') || /fetch/.test(name);
  const conv = (i: number, ty: Type) => { if (args[i]) args[i] = convertTo(p, args[i], ty); };
  let ret: Type = elem;
  switch (name) {
    case '__sync_bool_compare_and_swap': conv(1, elem); conv(2, elem); ret = T.bool; break;
    case '__sync_val_compare_and_swap': conv(1, elem); conv(2, elem); break;
    case '__sync_lock_release': ret = T.void; break;
    case '__atomic_load_n': ret = elem; break;
    case '__atomic_store_n': conv(1, elem); ret = T.void; break;
    case '__atomic_exchange_n': conv(1, elem); break;
    case '__atomic_compare_exchange_n': conv(2, elem); ret = T.bool; break;
    case '__atomic_load': case '__atomic_store': ret = T.void; break;
    case '__atomic_exchange': ret = T.void; break;
    case '__atomic_compare_exchange': ret = T.bool; break;
    case '__atomic_test_and_set': ret = T.bool; break;
    case '__atomic_clear': ret = T.void; break;
    default:
      if (isN) {
        if (elem.kind === TY.Pointer) { if (args[1]) args[1] = convertTo(p, args[1], T.ptrdiffT); }
        else if (!isInteger(elem)) p.error(t, `operand type ${quoteType(args[0].ty)} is incompatible with argument 1 of '${name}'`);
        else conv(1, elem);
      }
  }
  return builtinNode(p, id, t, ret, args);
}

// ---------------------------------------------------------------------------------------------
// Builtins with type arguments (keyword syntax)

/** __builtin_va_arg, __builtin_offsetof, __builtin_types_compatible_p, __builtin_choose_expr, ... */
export function specialBuiltin(p: Parser): Node {
  const t = p.next();
  const T = p.T;
  p.expect(TK.LParen, "'('");
  switch (t.text) {
    case '__builtin_va_arg': {
      const ap = assign(p);
      p.expect(TK.Comma, "','");
      const ty = typeName(p);
      p.expect(TK.RParen, "')'");
      const n = newNode(NK.VaArg, t, unqualified(ty));
      n.lhs = vaListArg(p, ap);
      if (!isComplete(ty)) p.error(t, `second argument to 'va_arg' is of incomplete type ${quoteType(ty)}`);
      return n;
    }
    case '__builtin_offsetof': {
      const ty = typeName(p);
      p.expect(TK.Comma, "','");
      const n = offsetofDesignator(p, ty, t);
      p.expect(TK.RParen, "')'");
      return n;
    }
    case '__builtin_types_compatible_p': {
      const a = typeName(p);
      p.expect(TK.Comma, "','");
      const b = typeName(p);
      p.expect(TK.RParen, "')'");
      return intNode(t, T.int, compatible(unqualified(a), unqualified(b), true) ? 1n : 0n);
    }
    case '__builtin_choose_expr': {
      const was = p.foldConstantP;
      p.foldConstantP = true; // gcc folds __builtin_constant_p here at once
      let c: Node;
      try { c = rvalue(p, assign(p)); } finally { p.foldConstantP = was; }
      p.expect(TK.Comma, "','");
      const a = assign(p);
      p.expect(TK.Comma, "','");
      const b = assign(p);
      p.expect(TK.RParen, "')'");
      if (c.val === null) { p.error(c.tok, 'first argument to \'__builtin_choose_expr\' not a constant'); return a; }
      return c.val !== 0n ? a : b;
    }
    case '__builtin_convertvector': {
      const v = rvalue(p, assign(p));
      p.expect(TK.Comma, "','");
      const ty = typeName(p);
      p.expect(TK.RParen, "')'");
      const n = newNode(NK.Builtin, t, ty);
      n.builtin = -2;
      n.list = [v];
      return n;
    }
    case '__builtin_call_with_static_chain': {
      const call = assign(p);
      p.expect(TK.Comma, "','");
      const chain = rvalue(p, assign(p));
      p.expect(TK.RParen, "')'");
      void chain;
      return call;
    }
    case '__builtin_tgmath': return tgmath(p, t);
    case '__builtin_has_attribute': {
      if (isTypeNameStart(p, p.tok())) typeName(p); else assign(p);
      p.expect(TK.Comma, "','");
      while (!p.at(TK.RParen) && !p.at(TK.EOF)) { if (p.at(TK.LParen)) p.skipParens(); else p.next(); }
      p.expect(TK.RParen, "')'");
      return intNode(t, T.int, 0n);
    }
  }
  // __builtin_complex, __builtin_shuffle, __builtin_tgmath as ordinary generic calls
  const args: Node[] = [];
  while (!p.at(TK.RParen) && !p.at(TK.EOF)) {
    args.push(assign(p));
    if (!p.accept(TK.Comma)) break;
  }
  p.expect(TK.RParen, "')'");
  const o = getBuiltin(p, t.text);
  if (o && isGenericBuiltin(o.builtin)) return builtinCall(p, o, args, t);
  p.error(t, `'${t.text}' is not supported`);
  return intNode(t, T.int, 0n);
}

/**
 * __builtin_tgmath(f1, f2, ..., fn, arg1, ..., argk) (glibc's tgmath.h): the functions share k
 * parameters; the arguments' types (integers count as double) select the function whose generic
 * parameters have the common real type, complex if an argument is complex. Returns the call.
 */
function tgmath(p: Parser, t: Token): Node {
  const T = p.T;
  const list: Node[] = [];
  while (!p.at(TK.RParen) && !p.at(TK.EOF)) {
    list.push(assign(p));
    if (!p.accept(TK.Comma)) break;
  }
  p.expect(TK.RParen, "')'");
  const first = list[0];
  const ft0 = first && first.ty.kind === TY.Func ? first.ty : null;
  const k = ft0 && ft0.params ? ft0.params.length : -1;
  if (k < 1 || list.length <= k) { p.error(t, "'__builtin_tgmath' requires at least two arguments"); return intNode(t, T.int, 0n); }
  const fns = list.slice(0, list.length - k), args = list.slice(list.length - k).map((a) => rvalue(p, a));
  // generic parameters: those whose type differs between the functions
  const generic = ft0!.params!.map((_, i) => fns.some((f) => f.ty.kind !== TY.Func || !f.ty.params || f.ty.params[i] !== ft0!.params![i]));
  let complex = false, real: Type | null = null;
  args.forEach((a, i) => {
    if (!generic[i]) return;
    let ty = a.ty;
    if (ty.kind === TY.Complex) { complex = true; ty = ty.base!; }
    if (isInteger(ty)) ty = T.double;
    if (real === null || rankOf(ty) > rankOf(real)) real = ty;
  });
  const want = (pt: Type): boolean => {
    const u = unqualified(pt);
    return complex ? u.kind === TY.Complex && u.base!.kind === real!.kind : u.kind === real!.kind;
  };
  const pick = fns.find((f) => f.ty.kind === TY.Func && f.ty.params && f.ty.params.every((pt, i) => !generic[i] || want(pt)))
    ;
  if (!pick || real === null) { p.error(t, 'no matching function for type-generic call'); return intNode(t, T.int, 0n); }
  return mkCall(p, pick, args, t);
}

function rankOf(t: Type): number {
  switch (t.kind) {
    case TY.Float: return 1;
    case TY.Double: return 2;
    case TY.LDouble: return 3;
  }
  return t.kind === TY.Float128 ? 4 : 2;
}

// offsetof-member-designator = identifier ("." identifier | "[" expression "]")*
function offsetofDesignator(p: Parser, ty: Type, t: Token): Node {
  const T = p.T;
  // build &((T*)0)->designator and fold it
  const zero = intNode(t, T.pointerTo(ty), 0n);
  let cur: Node = newNode(NK.Deref, t, ty);
  cur.lhs = zero;
  cur.lvalue = true;
  const id = p.next();
  if (id.kind !== TK.Ident) { p.error(id, 'expected identifier'); return intNode(t, T.sizeT, 0n); }
  cur = mkMember(p, cur, id, id);
  for (;;) {
    if (p.at(TK.Dot)) { p.next(); const m = p.next(); cur = mkMember(p, cur, m, m); continue; }
    if (p.at(TK.LBracket)) {
      const lb = p.next();
      const idx = rvalue(p, condExpr(p));
      p.expect(TK.RBracket, "']'");
      const arr = rvalue(p, cur);
      const sum = mkBinary(p, NK.Add, arr, idx, lb);
      const d = newNode(NK.Deref, lb, sum.ty.kind === TY.Pointer ? sum.ty.base! : T.int);
      d.lhs = sum;
      d.lvalue = true;
      cur = d;
      continue;
    }
    break;
  }
  if (cur.kind === NK.Member && cur.member!.bitWidth >= 0) p.error(t, `attempt to take address of bit-field structure member '${cur.member!.name}'`);
  const addr = mkAddr(p, cur, t);
  const n = newNode(NK.Cast, t, T.sizeT);
  n.ck = CK.Convert;
  n.lhs = addr;
  const { addrConst } = require('./expr');
  const a = addrConst(addr);
  if (a && a.base === null) n.val = wrapInt(a.offset, T.sizeT);
  else {
    // a non-constant index: the result is a run-time value (gcc accepts it)
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Folding ordinary builtins with constant arguments (gcc folds these, and code relies on it in
// static initializers and case labels).

const INF: Record<string, bigint> = {
  f32: 0x7f800000n, f64: 0x7ff0000000000000n, x87: 0x7fff8000000000000000n, f128: 0x7fffn << 112n,
};
const QNAN: Record<string, bigint> = {
  f32: 0x7fc00000n, f64: 0x7ff8000000000000n, x87: 0x7fffc000000000000000n, f128: 0x7fff8n << 108n,
};
const SNAN: Record<string, bigint> = {
  f32: 0x7fa00000n, f64: 0x7ff4000000000000n, x87: 0x7fffa000000000000000n, f128: 0x7fff4n << 108n,
};

export function foldBuiltin(p: Parser, n: Node, f: Obj): void {
  const name = BUILTINS[f.builtin].name.replace(/^__builtin_/, '');
  const args = n.list!;
  const T = p.T;
  const rt = n.ty;
  if (isRealFloat(rt)) {
    const fmt = T.floatFormat(rt);
    if (/^(huge_val|inf)(f|l|f32|f64|f128|q)?$/.test(name)) { n.fval = INF[fmt]; return; }
    if (/^nans?(f|l|f32|f64|f128|q)?$/.test(name) && args.length === 1) {
      const s = strArg(args[0]);
      if (s === null) return;
      let payload = 0n;
      if (s !== '') { try { payload = BigInt(s.trim()); } catch { return; } }
      const mbits = fmt === 'f32' ? 22n : fmt === 'f64' ? 51n : fmt === 'x87' ? 62n : 111n;
      payload &= (1n << mbits) - 1n;
      const base = name.startsWith('nans') ? SNAN[fmt] : QNAN[fmt];
      n.fval = name.startsWith('nans') && payload !== 0n ? (base & ~((1n << mbits) - 1n)) | payload : base | payload;
      return;
    }
    return;
  }
  if (!args.length || args[0].val === null) {
    if (name === 'object_size' || name === 'dynamic_object_size') {
      const k = args[1] && args[1].val !== null ? Number(args[1].val) : 0;
      n.val = k < 2 ? wrapInt(-1n, T.sizeT) : 0n;
    } else if (name === 'LINE') n.val = BigInt(n.tok.file.presumed(n.tok.pos).line);
    return;
  }
  const v = args[0].val;
  const bits = args[0].ty.size * 8;
  const u = BigInt.asUintN(bits, v);
  const m = /^(clz|ctz|popcount|parity|ffs|clrsb|bswap)(l|ll|16|32|64|128|s)?$/.exec(name);
  if (!m) return;
  let r: bigint | null = null;
  switch (m[1]) {
    case 'clz': if (u !== 0n) r = BigInt(bits - u.toString(2).length); break;
    case 'ctz': if (u !== 0n) { let k = 0; while (((u >> BigInt(k)) & 1n) === 0n) k++; r = BigInt(k); } break;
    case 'popcount': r = BigInt([...u.toString(2)].filter((c) => c === '1').length); break;
    case 'parity': r = BigInt([...u.toString(2)].filter((c) => c === '1').length & 1); break;
    case 'ffs': if (u === 0n) r = 0n; else { let k = 0; while (((u >> BigInt(k)) & 1n) === 0n) k++; r = BigInt(k + 1); } break;
    case 'clrsb': {
      const s = BigInt.asIntN(bits, v);
      const x = s < 0n ? ~s : s;
      r = BigInt(bits - 1 - (x === 0n ? 0 : x.toString(2).length));
      break;
    }
    case 'bswap': {
      let x = 0n;
      for (let i = 0; i < bits / 8; i++) x = (x << 8n) | ((u >> BigInt(i * 8)) & 0xffn);
      r = x;
      break;
    }
  }
  if (r !== null) n.val = wrapInt(r, rt);
}

function strArg(n: Node): string | null {
  let s = n;
  while (s.kind === NK.Cast) s = s.lhs!;
  if (s.kind !== NK.StrLit) return null;
  return String.fromCharCode(...s.str!.units);
}

export { isPointer, isScalar, qualify, isNullPtrConst, assignConvert, Ctx, defaultPromote, KW };
