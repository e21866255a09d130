// Initializers (C17 6.7.9) flattened into InitItem lists: one item per scalar (or string literal, or
// whole struct copied from an expression) with its byte offset in the object and, for bit-fields, its
// bit position. The object is zero-filled first; items never overlap (later designators win).
//
// A braced list is walked with a stack of "current object" frames: each frame is an aggregate being
// filled and the index of its next element. A designator rebuilds the stack from the top; an
// expression that does not initialize the current element as a whole descends into its first scalar
// (brace elision); after each element the innermost frame advances and exhausted frames are popped.

import { TK, Token } from '../lex/token';
import { CK, InitItem, NK, Node, Obj } from './ast';
import { Parser } from './state';
import { Q, TY, Type, Member, compatible, isInteger, isRecord, quoteType, isArith } from './types';
import { addrConst, assign, assignConvert, constIntExpr, Ctx, rvalue, lvalueAddr } from './expr';
import { findMember } from './layout';
import { stringLiteral } from './literal';
import { warnMissingField } from './warn-extra';

/** `desig`, `zero`, `first`: -Wmissing-field-initializers (gcc's constructor_designated, constructor_zeroinit,
 *  and no element seen at this level yet). */
interface Frame { ty: Type; off: number; idx: number; desig?: boolean; zero?: boolean; first?: boolean }
interface Target { ty: Type; off: number; member: Member | null; }

class InitCtx {
  items: InitItem[] = [];
  hasDesig = false;
  name = '';
  /** The designated flag of the level a braced sub-list is in (gcc's new levels inherit it). */
  parentDesig = false;
  /** -Wmissing-braces: the initializer's first '{', and a level of brace elision was entered. */
  outerBrace: Token | null = null;
  elided = false;
  constructor(readonly p: Parser, readonly isStatic: boolean) {}
}

/** Parse the initializer after '=' for an object of type `ty`. Returns the completed type and items. */
export function parseInitializer(p: Parser, ty: Type, isStatic: boolean, eqTok: Token, name?: string): { ty: Type; items: InitItem[] } {
  const c = new InitCtx(p, isStatic);
  c.name = name ?? '';
  void eqTok;
  let outTy = ty;
  const wasStatic = p.foldConstantP;
  p.foldConstantP = isStatic;
  try {
    if (ty.kind === TY.Array && ty.len < 0 && !ty.vla) {
      const n = initTop(c, ty);
      outTy = p.T.arrayOf(ty.base!, n);
      if (ty.qual) outTy.qual = ty.qual;
    } else initValue(c, ty, 0, null);
  } finally { p.foldConstantP = wasStatic; }
  return { ty: outTy, items: finish(c) };
}

export function compoundLiteralInit(p: Parser, o: Obj, isStatic: boolean): void {
  const r = parseInitializer(p, o.ty, isStatic, p.tok());
  o.ty = r.ty;
  o.init = r.items;
}

/** Top level of an array of unknown size: returns the number of elements. */
function initTop(c: InitCtx, ty: Type): number {
  const p = c.p;
  const elem = ty.base!;
  if (isCharArray(ty) && (p.at(TK.String) || bracedString(p))) {
    const braced = p.accept(TK.LBrace);
    const s = stringLiteral(p);
    if (braced) { p.accept(TK.Comma); p.expect(TK.RBrace, "'}'"); }
    const len = s.str!.units.length + 1;
    const at = p.T.arrayOf(elem, len);
    storeString(c, { ty: at, off: 0, member: null }, s);
    return len;
  }
  if (!p.at(TK.LBrace)) {
    const e = assign(p);
    if (e.kind === NK.CompoundLit && e.ty.kind === TY.Array && compatible(e.ty.base!, elem, true)) {
      c.items.push(new InitItem(0, e.ty, e, -1, -1));
      return e.ty.len;
    }
    p.error(e.tok, 'invalid initializer');
    return 1;
  }
  const max = initList(c, ty, 0);
  return max;
}

/** `{ "string" "parts" ,? }` */
function bracedString(p: Parser): boolean {
  if (!p.at(TK.LBrace) || p.peek(1).kind !== TK.String) return false;
  let k = 2;
  while (p.peek(k).kind === TK.String) k++;
  if (p.peek(k).kind === TK.Comma) k++;
  return p.peek(k).kind === TK.RBrace;
}

function isCharArray(t: Type): boolean {
  return t.kind === TY.Array && isInteger(t.base!) && (t.base!.size === 1 || t.base!.kind === TY.Int || t.base!.kind === TY.UInt || t.base!.kind === TY.UShort || t.base!.kind === TY.Short || t.base!.kind === TY.Long || t.base!.kind === TY.ULong);
}

function isAggregate(t: Type): boolean {
  return t.kind === TY.Array || t.kind === TY.Struct || t.kind === TY.Union || t.kind === TY.Vector;
}

// initializer = assignment | "{" initializer-list ","? "}"
function initValue(c: InitCtx, ty: Type, off: number, member: Member | null): void {
  const p = c.p;
  if (isCharArray(ty) && (p.at(TK.String) || bracedString(p))) {
    const braced = p.accept(TK.LBrace);
    const s = stringLiteral(p);
    if (braced) { p.accept(TK.Comma); p.expect(TK.RBrace, "'}'"); }
    storeString(c, { ty, off, member }, s);
    return;
  }
  if (p.at(TK.LBrace)) {
    if (isAggregate(ty)) { initList(c, ty, off); return; }
    // braced scalar
    const lb = p.next();
    if (p.at(TK.RBrace)) { p.next(); p.pedwarn('pedantic', lb, 'ISO C forbids empty initializer braces'); return; }
    if (p.at(TK.LBrace)) p.warn(null, lb, 'braces around scalar initializer');
    initValue(c, ty, off, member);
    if (p.accept(TK.Comma) && !p.at(TK.RBrace)) {
      p.warn(null, p.tok(), 'excess elements in scalar initializer');
      while (!p.at(TK.RBrace) && !p.at(TK.EOF)) { skipInitializer(c); if (!p.accept(TK.Comma)) break; }
    }
    p.expect(TK.RBrace, "'}'");
    return;
  }
  const e = assign(p);
  if (isAggregate(ty)) {
    if (isRecord(ty) && compatible(ty, e.ty, true)) { storeExpr(c, { ty, off, member }, e); return; }
    if (ty.kind === TY.Vector && e.ty.kind === TY.Vector) { storeExpr(c, { ty, off, member }, e); return; }
    if (ty.kind === TY.Array && e.kind === NK.CompoundLit && compatible(ty, e.ty, true) ) { storeExpr(c, { ty, off, member }, e); return; }
    p.error(e.tok, 'invalid initializer');
    return;
  }
  storeExpr(c, { ty, off, member }, e);
}

function skipInitializer(c: InitCtx): void {
  const p = c.p;
  if (p.at(TK.LBrace)) { p.skipParens(); return; }
  assign(p);
}

function count(f: Frame): number {
  const t = f.ty;
  if (t.kind === TY.Array) return t.len < 0 ? Infinity : t.len;
  if (t.kind === TY.Vector) return t.len;
  if (t.kind === TY.Struct || t.kind === TY.Union) return t.rec!.complete ? t.rec!.members.length : 0;
  return 0;
}

function child(f: Frame): Target {
  const t = f.ty;
  if (t.kind === TY.Array || t.kind === TY.Vector) {
    const e = t.base!;
    return { ty: qualify0(e, t), off: f.off + f.idx * e.size, member: null };
  }
  const m = t.rec!.members[f.idx];
  return { ty: m.ty, off: f.off + m.offset, member: m };
}

function qualify0(e: Type, _t: Type): Type { return e; }

/** Skip unnamed bit-fields and pop exhausted frames. False when the top frame is exhausted. */
function settle(stack: Frame[]): boolean {
  for (;;) {
    const f = stack[stack.length - 1];
    const t = f.ty;
    if ((t.kind === TY.Struct || t.kind === TY.Union) && t.rec!.complete) {
      const ms = t.rec!.members;
      while (f.idx < ms.length && ms[f.idx].name === null && ms[f.idx].bitWidth >= 0) f.idx++;
    }
    if (f.idx < count(f)) return true;
    if (stack.length === 1) return false;
    stack.pop();
    // (a level of brace elision that is not `0` makes its parent's `{ 0 }` a list of more)
    if (f.zero === false) stack[stack.length - 1].zero = false;
    advance(stack[stack.length - 1]);
  }
}

function advance(f: Frame): void {
  if (f.ty.kind === TY.Union) f.idx = Infinity;
  else f.idx++;
}

// initializer-list = (designation? initializer ("," designation? initializer)*)?
// designation = ("[" constant-expression ("..." constant-expression)? "]" | "." identifier)+ "="
//             | identifier ":"            (GNU old style)
function initList(c: InitCtx, ty: Type, off: number): number {
  const p = c.p;
  const lb = p.next(); // '{'
  c.outerBrace ??= lb;
  const top: Frame = { ty, off, idx: 0, desig: c.parentDesig, zero: true, first: true };
  const wMissing = p.wx.missingFieldInitializers;
  let stack: Frame[] = [top];
  let maxIdx = -1;
  const kindName = ty.kind === TY.Array ? 'array' : ty.kind === TY.Union ? 'union' : ty.kind === TY.Vector ? 'vector' : 'struct';
  if (p.at(TK.RBrace)) {
    p.next();
    return 0;
  }
  let excessWarned = false;
  while (!p.at(TK.RBrace) && !p.at(TK.EOF)) {
    let range: { frame: Frame; lo: number; hi: number } | null = null;
    if (p.at(TK.Dot) || p.at(TK.LBracket) || (p.at(TK.Ident) && p.peek(1).kind === TK.Colon)) {
      const r = designation(c, top);
      if (!r) {
        // skip the rest of this element
        while (!p.at(TK.Comma) && !p.at(TK.RBrace) && !p.at(TK.EOF)) { if (p.at(TK.LBrace) || p.at(TK.LParen) || p.at(TK.LBracket)) p.skipParens(); else p.next(); }
        if (!p.accept(TK.Comma)) break;
        continue;
      }
      // (the levels a designator leaves are finished, as gcc's set_designator pops them)
      if (wMissing) {
        for (let k = stack.length - 1; k > 0; k--) {
          if (stack[k].zero === false) stack[k - 1].zero = false;
          if (!r.stack.includes(stack[k])) missingField(c, stack[k], p.peek(-1));
        }
      }
      for (const f of r.stack) f.desig = true;
      stack = r.stack;
      range = r.range;
      c.hasDesig = true;
    }
    if (!settle(stack)) {
      if (!excessWarned && p.warn(null, p.tok(), `excess elements in ${kindName} initializer`) && c.name) p.note(p.tok(), `(near initialization for '${c.name}')`);
      excessWarned = true;
      skipInitializer(c);
      if (!p.accept(TK.Comma)) break;
      continue;
    }
    const mark = c.items.length;
    const cur = stack[stack.length - 1];
    let target = child(cur);
    if (p.at(TK.LBrace) || (isCharArray(target.ty) && p.at(TK.String))) {
      cur.zero = cur.first = false;
      c.parentDesig = cur.desig ?? false;
      initValue(c, target.ty, target.off, target.member);
    } else {
      const e = assign(p);
      // (`{ 0 }` is no missing initializer)
      cur.zero = cur.zero && cur.first && (e.val === 0n || e.fval === 0n);
      cur.first = false;
      for (;;) {
        const tt = target.ty;
        if (!isAggregate(tt)) break;
        if (isRecord(tt) && compatible(tt, e.ty, true)) break;
        if (tt.kind === TY.Vector && e.ty.kind === TY.Vector) break;
        if (isCharArray(tt) && e.kind === NK.StrLit) break;
        const par = stack[stack.length - 1];
        c.elided = true;
        stack.push({ ty: tt, off: target.off, idx: 0, desig: par.desig, zero: par.zero, first: false });
        if (!settle(stack) || stack[stack.length - 1].ty !== tt) { target = { ty: p.T.int, off: -1, member: null }; break; }
        target = child(stack[stack.length - 1]);
      }
      if (target.off >= 0) {
        if (isCharArray(target.ty) && e.kind === NK.StrLit) storeString(c, target, e);
        else storeExpr(c, target, e);
      }
    }
    if (range) {
      // [lo ... hi] = value: replicate the items of element lo
      const f = range.frame;
      const esz = f.ty.base!.size;
      const added = c.items.slice(mark);
      for (let k = 1; k <= range.hi - range.lo; k++) {
        for (const it of added) c.items.push(new InitItem(it.offset + k * esz, it.ty, it.expr, it.bitOffset, it.bitWidth));
      }
      f.idx = range.hi;
    }
    if (top.idx > maxIdx && top.ty.kind === TY.Array) maxIdx = top.idx;
    advance(stack[stack.length - 1]);
    if (!p.accept(TK.Comma)) break;
  }
  if (p.at(TK.RBrace)) {
    // the levels end at the '}': first those of brace elision, innermost first (-Wmissing-field-initializers)
    for (let k = stack.length - 1; k > 0; k--) {
      if (wMissing) missingField(c, stack[k], p.tok());
      advance(stack[k - 1]);
      if (stack[k].zero === false) stack[k - 1].zero = false;
    }
    // -Wmissing-braces: each braced level that ends after a brace elision anywhere before in the
    // initializer, unless it is `{ 0 }` (gcc's found_missing_braces)
    if (c.elided && !top.zero && p.wx.missingBraces) p.warn('missing-braces', c.outerBrace!, 'missing braces around initializer');
    if (wMissing) missingField(c, top, p.tok());
  }
  p.expect(TK.RBrace, "'}'");
  void lb;
  return maxIdx + 1;
}

/** -Wmissing-field-initializers: level f of a struct ends with fields left (gcc's pop_init_level), after
 *  the token `at`. */
function missingField(c: InitCtx, f: Frame, at: Token): void {
  const t = f.ty;
  if (t.kind !== TY.Struct || f.desig || f.zero || !t.rec!.complete) return;
  const ms = t.rec!.members;
  for (let i = f.idx; i < ms.length; i++) {
    const m = ms[i];
    if (m.name === null && m.bitWidth >= 0) continue; // unnamed bit-fields are not initialized
    if (m.ty.size === 0 || (m.ty.kind === TY.Array && m.ty.len < 0)) continue; // nor flexible or empty arrays
    warnMissingField(c.p, m, t, at);
    return;
  }
}

function designation(c: InitCtx, top: Frame): { stack: Frame[]; range: { frame: Frame; lo: number; hi: number } | null } | null {
  const p = c.p;
  const stack: Frame[] = [top];
  let range: { frame: Frame; lo: number; hi: number } | null = null;
  if (p.at(TK.Ident)) {
    // GNU `name: value`
    const id = p.next();
    p.next();
    p.pedwarn('pedantic', id, "obsolete use of designated initializer with ':'");
    return designateMember(c, stack, id) ? { stack, range } : null;
  }
  let first = true;
  for (;;) {
    const f = stack[stack.length - 1];
    if (!first) {
      // descend into the current element
      const ch = child(f);
      if (!isAggregate(ch.ty)) { p.error(p.tok(), 'invalid initializer'); return null; }
      stack.push({ ty: ch.ty, off: ch.off, idx: 0 });
    }
    const cur = stack[stack.length - 1];
    if (p.at(TK.Dot)) {
      p.next();
      const id = p.next();
      if (id.kind !== TK.Ident) { p.error(id, 'expected identifier'); return null; }
      if (!designateMember(c, stack, id)) return null;
    } else if (p.at(TK.LBracket)) {
      const lbt = p.next();
      if (cur.ty.kind !== TY.Array && cur.ty.kind !== TY.Vector) {
        p.error(lbt, 'array index in non-array initializer');
        p.skipParens();
        return null;
      }
      const lo = Number(constIntExpr(p));
      let hi = lo;
      if (p.accept(TK.Ellipsis)) hi = Number(constIntExpr(p));
      p.expect(TK.RBracket, "']'");
      if (lo < 0 || (cur.ty.len >= 0 && hi >= cur.ty.len)) {
        p.error(lbt, 'array index in initializer exceeds array bounds');
        return null;
      }
      if (hi < lo) { p.error(lbt, 'empty index range in initializer'); return null; }
      cur.idx = lo;
      if (hi !== lo) range = { frame: cur, lo, hi };
    } else break;
    first = false;
    if (p.at(TK.Assign)) { p.next(); break; }
    if (!p.at(TK.Dot) && !p.at(TK.LBracket)) {
      // only the old GNU `[index] value` may leave out the '='
      if (p.peek(-1).kind !== TK.RBracket) { p.errorExpected("'='"); return null; }
      p.pedwarn('pedantic', p.tok(), "obsolete use of designated initializer without '='");
      break;
    }
  }
  return { stack, range };
}

function designateMember(c: InitCtx, stack: Frame[], id: Token): boolean {
  const p = c.p;
  const f = stack[stack.length - 1];
  if (f.ty.kind !== TY.Struct && f.ty.kind !== TY.Union) {
    p.error(id, `field name not in record or union initializer`);
    return false;
  }
  const path = findMember(f.ty, id.text);
  if (!path) {
    p.error(id, `${quoteType(f.ty)} has no member named '${id.text}'`);
    return false;
  }
  let cur = f;
  for (let i = 0; i < path.length; i++) {
    const m = path[i];
    cur.idx = cur.ty.rec!.members.indexOf(m);
    if (i < path.length - 1) {
      const nf: Frame = { ty: m.ty, off: cur.off + m.offset, idx: 0 };
      stack.push(nf);
      cur = nf;
    }
  }
  return true;
}

function storeString(c: InitCtx, t: Target, s: Node): void {
  const p = c.p;
  const elem = t.ty.base!;
  const se = s.str!.elem;
  if (elem.size !== se.size) {
    // gcc: arrays of a character type (char, char16_t, char32_t, wchar_t) get the precise message
    const u = elem.kind;
    const charLike = isInteger(elem) && (elem.size === 1 || u === TY.UShort || u === TY.UInt || u === p.T.wcharT.kind);
    if (!charLike) p.error(s.tok, 'array of inappropriate type initialized from string constant');
    else p.error(s.tok, `cannot initialize array of ${quoteType(elem)} from a string literal with type array of ${quoteType(se)}`);
    return;
  }
  const n = s.str!.units.length;
  if (t.ty.len >= 0 && n > t.ty.len) p.pedwarn(null, s.tok, `initializer-string for array of ${quoteType(elem)} is too long`) || p.warn(null, s.tok, `initializer-string for array of ${quoteType(elem)} is too long`);
  c.items.push(new InitItem(t.off, t.ty, s, -1, -1));
}

function storeExpr(c: InitCtx, t: Target, e: Node): void {
  const p = c.p;
  let v: Node;
  if (isRecord(t.ty) || t.ty.kind === TY.Array) v = rvalue(p, e);
  else v = assignConvert(p, e, t.ty, Ctx.Init);
  if (c.isStatic) checkConstInit(p, v);
  const m = t.member;
  if (m && m.bitWidth >= 0) c.items.push(new InitItem(t.off, t.ty, v, m.bitOffset, m.bitWidth));
  else c.items.push(new InitItem(t.off, t.ty, v, -1, -1));
}

/** Static initializers must be constant expressions or address constants (gcc's extensions included). */
export function checkConstInit(p: Parser, n: Node): boolean {
  if (isConstTree(n)) return true;
  p.error(n.tok, 'initializer element is not constant');
  return false;
}

/** Constant for the purpose of static initialization: folded, an address constant, or arithmetic on constants. */
export function isConstTree(n: Node): boolean {
  if (n.val !== null || n.fval !== null) return true;
  if (addrConst(n) !== null) return true;
  switch (n.kind) {
    case NK.StrLit: return true;
    case NK.CompoundLit: return !n.obj!.isLocal || (n.obj!.init ?? []).every((it) => isConstTree(it.expr));
    case NK.Cast:
      if (n.ck === CK.Load) {
        // gcc folds reads of const-qualified objects with constant initializers (and of compound literals)
        const l = n.lhs!;
        if (l.kind === NK.CompoundLit) return isConstTree(l);
        if (l.kind === NK.Var && (l.ty.qual & 3) === 1 && !l.obj!.isLocal && l.obj!.init && l.obj!.init.length === 1 && isScalarTy(l.ty)) return isConstTree(l.obj!.init[0].expr);
        return false;
      }
      if (n.ck === CK.ArrayDecay || n.ck === CK.FuncDecay) return lvalueAddr(n.lhs!) !== null;
      if (n.ck === CK.Convert && n.lhs!.ty.kind === TY.Pointer && isInteger(n.ty) && n.ty.size < n.lhs!.ty.size) return false;
      return isConstTree(n.lhs!);
    case NK.Neg: case NK.Plus: case NK.BitNot: case NK.LogNot: case NK.Real: case NK.Imag:
      return isConstTree(n.lhs!);
    case NK.Add: case NK.Sub: case NK.Mul: case NK.Div: case NK.BitAnd: case NK.BitOr: case NK.BitXor:
    case NK.Shl: case NK.Shr: case NK.Mod: case NK.Eq: case NK.Ne: case NK.Lt: case NK.Gt: case NK.Le: case NK.Ge:
      if (!isArith(n.ty) && n.ty.kind !== TY.Vector) {
        // difference of addresses in the same object, pointer +- constant are handled by addrConst
        if (n.kind === NK.Sub && n.lhs!.ty.kind === TY.Pointer) {
          const a = addrConst(n.lhs!), b = addrConst(n.rhs!);
          return !!(a && b && a.base === b.base);
        }
        return false;
      }
      if ((n.kind === NK.Div || n.kind === NK.Mod) && isInteger(n.ty) && n.rhs!.val === 0n) return false;
      return isConstTree(n.lhs!) && isConstTree(n.rhs!);
    case NK.Cond: return isConstTree(n.cond!) && (n.then === null || isConstTree(n.then)) && isConstTree(n.els!);
    case NK.LogAnd: case NK.LogOr: return isConstTree(n.lhs!) && isConstTree(n.rhs!);
    case NK.Builtin: return n.val !== null || n.fval !== null;
  }
  return false;
}

function isScalarTy(t: Type): boolean { return isArith(t) || t.kind === TY.Pointer; }

/** Sort by offset and drop items overridden by later designators. */
function finish(c: InitCtx): InitItem[] {
  const items = c.items;
  if (!c.hasDesig || items.length < 2) return items;
  const seq = new Map<InitItem, number>();
  items.forEach((it, i) => seq.set(it, i));
  const sorted = items.slice().sort((a, b) => a.offset - b.offset || (a.bitOffset - b.bitOffset) || seq.get(a)! - seq.get(b)!);
  const out: InitItem[] = [];
  const endBit = (it: InitItem) => it.bitWidth >= 0 ? it.offset * 8 + it.bitOffset + it.bitWidth : (it.offset + sizeOfItem(it)) * 8;
  const startBit = (it: InitItem) => it.offset * 8 + (it.bitWidth >= 0 ? it.bitOffset : 0);
  for (const it of sorted) {
    let keep = true;
    while (out.length) {
      const last = out[out.length - 1];
      if (endBit(last) <= startBit(it)) break;
      // overlap: the later one in source order wins
      if (seq.get(last)! < seq.get(it)!) out.pop();
      else { keep = false; break; }
    }
    if (keep) out.push(it);
  }
  return out;
}

function sizeOfItem(it: InitItem): number {
  if (it.expr.kind === NK.StrLit && it.ty.kind === TY.Array) return Math.max(1, it.ty.len >= 0 ? it.ty.size : it.expr.ty.size);
  return Math.max(1, it.ty.size);
}

export { Q };
