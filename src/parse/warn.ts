// -Wall/-Wextra checks made while parsing, where the parser already holds what they need (gcc 12's texts
// and locations). Each caller tests the Parser's cached flag first (`p.wUnusedValue`...), so a disabled
// warning costs one boolean test.
//
// -Wunused-value: an expression statement (also a for loop's first and third expression) without
// effect, or whose value is computed and dropped; the operands of a comma expression.

import { TF, Token } from '../lex/token';
import { CK, NK, Node } from './ast';
import type { Parser } from './state';
import { Q, TY, quoteType } from './types';

/** Does evaluating n do something besides computing its value (gcc's TREE_SIDE_EFFECTS)? */
export function hasSideEffects(n: Node | null): boolean {
  if (n === null) return false;
  switch (n.kind) {
    case NK.IntConst: case NK.FloatConst: case NK.StrLit: case NK.EnumConst: case NK.LabelAddr:
      return false;
    case NK.Var:
      return (n.ty.qual & Q.Volatile) !== 0 && !n.obj!.isFunc;
    case NK.Assign: case NK.OpAssign: case NK.PreInc: case NK.PreDec: case NK.PostInc: case NK.PostDec:
    case NK.StmtExpr: case NK.VaArg: case NK.Builtin: case NK.CompoundLit: case NK.SizeofVLA:
      return true;
    case NK.Call: {
      const f = calleeObj(n);
      if (!f || !(f.attrs?.pure || f.attrs?.const)) return true;
      break;
    }
    case NK.Deref: case NK.Member:
      if ((n.ty.qual & Q.Volatile) !== 0) return true;
      break;
    case NK.Cond:
      return hasSideEffects(n.cond) || hasSideEffects(n.then) || hasSideEffects(n.els) || hasSideEffects(n.lhs);
    case NK.Generic:
      return hasSideEffects(n.lhs);
  }
  if (n.kind > NK.Generic) return true; // statements
  if (hasSideEffects(n.lhs) || hasSideEffects(n.rhs)) return true;
  const l = n.list;
  if (l !== null && n.kind === NK.Call) for (let i = 0; i < l.length; i++) if (hasSideEffects(l[i])) return true;
  return false;
}

function calleeObj(n: Node): import('./ast').Obj | null {
  let f = n.lhs;
  while (f && f.kind === NK.Cast && f.ck === CK.FuncDecay) f = f.lhs;
  return f && f.kind === NK.Var ? f.obj : null;
}

/** Where gcc reports expression n: its operator; a name or constant has no location of its own (`at`). */
function exprTok(n: Node, at: Token): Token {
  switch (n.kind) {
    case NK.Var: case NK.IntConst: case NK.FloatConst: case NK.StrLit: case NK.EnumConst: return at;
    case NK.Call: { const f = n.lhs; return f && f.kind === NK.Cast && f.lhs && f.lhs.kind === NK.Var ? f.lhs.tok : n.tok; }
    case NK.Cast: if (!n.explicit && n.lhs) return exprTok(n.lhs, at);
  }
  return n.tok;
}

const isVoid = (n: Node) => n.ty.kind === TY.Void;
/** A written cast gcc keeps (c_fully_fold folds one of a constant away). */
const isExplicitCast = (n: Node) => n.kind === NK.Cast && n.explicit && n.val === null && n.fval === null;

/** An expression statement's value is dropped: gcc's emit_side_effect_warnings. `at`: the statement's
 *  location (a for loop's first expression: the `for`). */
export function warnUnusedValue(p: Parser, e: Node, at: Token): void {
  // the common statements first: stores and calls are used
  const k = e.kind;
  if (k === NK.Assign || k === NK.OpAssign || (k >= NK.PreInc && k <= NK.PostDec)) return;
  if (k === NK.Call) { const f = calleeObj(e); if (!f || !(f.attrs?.pure || f.attrs?.const)) return; }
  if (isVoid(e)) return;
  if (!hasSideEffects(e)) { p.warn('unused-value', exprTok(e, at), 'statement with no effect'); return; }
  if (e.kind === NK.Comma) {
    let r = e, cloc = e.tok;
    while (r.kind === NK.Comma) { cloc = r.tok; r = r.rhs!; }
    if (!hasSideEffects(r) && !isVoid(r) && !isExplicitCast(r)) p.warn('unused-value', cloc, 'right-hand operand of comma expression has no effect');
    return;
  }
  unusedValue(p, e, at);
}

/** gcc's warn_if_unused_value: a value with side effects whose result is not used. */
function unusedValue(p: Parser, e: Node, at: Token): boolean {
  for (;;) {
    if (isVoid(e)) return false;
    switch (e.kind) {
      case NK.PreInc: case NK.PreDec: case NK.PostInc: case NK.PostDec: case NK.Assign: case NK.OpAssign:
      case NK.Call: case NK.VaArg: case NK.StmtExpr: case NK.Builtin:
        return false;
      case NK.Cast:
        // an explicit cast to another type is a conversion gcc keeps (reported at its '(')
        if (e.explicit && e.lhs && !sameRep(e)) break;
        e = e.lhs!;
        continue;
      case NK.Comma:
        if (unusedValue(p, e.lhs!, at)) return true;
        if (e.rhs!.val !== null || e.rhs!.fval !== null) return false;
        e = e.rhs!;
        continue;
      case NK.Cond:
        if (hasSideEffects(e)) return false;
        break;
      case NK.Var: case NK.Deref: case NK.Member:
        if ((e.ty.qual & Q.Volatile) !== 0) return false;
        break;
    }
    return p.warn('unused-value', exprTok(e, at), 'value computed is not used');
  }
}

/** An explicit cast that gcc drops as a no-op (to the same type). */
function sameRep(c: Node): boolean {
  const a = c.lhs!.ty, b = c.ty;
  return a === b || (a.kind === b.kind && a.size === b.size && a.kind !== TY.Pointer && a.kind !== TY.Struct && a.kind !== TY.Union);
}

/** The left operand of a comma expression (gcc's build_compound_expr). */
export function warnCommaLhs(p: Parser, l: Node, comma: Token): void {
  if (hasSideEffects(l)) {
    if (l.kind !== NK.Comma) return;
    let r = l, cloc = l.tok;
    while (r.kind === NK.Comma) { cloc = r.tok; r = r.rhs!; }
    if (!hasSideEffects(r) && !isVoid(r) && !isExplicitCast(r)) p.warn('unused-value', cloc, 'right-hand operand of comma expression has no effect');
    return;
  }
  if (isVoid(l) && (isExplicitCast(l) || l.ty.qual !== 0)) return; // (void) a, b (and *(const void *)p, as gcc)
  if (isVoid(l) && l.kind === NK.Comma && isExplicitCast(l.rhs!)) return; // (void) a, (void) b, c
  p.warn('unused-value', comma, 'left-hand operand of comma expression has no effect');
}

// ---------------------------------------------------------------------------------------------
// Comparisons (binary() in expr.ts calls warnComparison when any of these is on: p.wCompare):
// -Wenum-compare, -Wbool-compare, -Wsign-compare (-Wextra), -Wlogical-not-parentheses, and -Waddress
// for an address compared with a null pointer.

const isCmp = (k: NK) => k >= NK.Lt && k <= NK.Ne;
/** gcc's truth_value_p: a comparison, &&, || or ! */
const isTruth = (n: Node) => isCmp(n.kind) || n.kind === NK.LogAnd || n.kind === NK.LogOr || n.kind === NK.LogNot;


/** gcc's tree_expr_nonnegative_p, for the cases -Wsign-compare meets: constants, truth values,
 *  zero-extended narrower values, `x & mask`, and the like. */
function nonNegative(n: Node, cs: boolean): boolean {
  if (n.val !== null) return n.val >= 0n;
  if (isUnsignedType(n.ty, cs)) return true;
  switch (n.kind) {
    case NK.Lt: case NK.Le: case NK.Gt: case NK.Ge: case NK.Eq: case NK.Ne: case NK.LogAnd: case NK.LogOr: case NK.LogNot:
      return true;
    case NK.Cast:
      if (n.ck === CK.Load) return false;
      if (n.lhs && isIntegerType(n.lhs.ty) && isIntegerType(n.ty)) {
        if (isUnsignedType(n.lhs.ty, cs)) { const w = bitFieldWidth(n.lhs); return n.lhs.ty.size < n.ty.size || (w >= 0 && w < n.ty.size * 8); }
        return n.lhs.ty.size <= n.ty.size && nonNegative(n.lhs, cs);
      }
      return false;
    case NK.BitAnd: return nonNegative(n.lhs!, cs) || nonNegative(n.rhs!, cs);
    case NK.BitOr: case NK.BitXor: case NK.Div: case NK.Mod: case NK.Add: case NK.Mul:
      return nonNegative(n.lhs!, cs) && nonNegative(n.rhs!, cs);
    case NK.Shr: return nonNegative(n.lhs!, cs);
    case NK.Cond: {
      const a = n.then, b = n.els!;
      if (a === null) return false;
      if (nonNegative(a, cs) && nonNegative(b, cs)) return true;
      // x >= 0 ? x : -x (and the like): an absolute value
      const c = n.cond ?? n.lhs;
      if (!c || !(c.kind >= NK.Lt && c.kind <= NK.Ge) || c.rhs?.val !== 0n) return false;
      const neg = (x: Node) => { while (x.kind === NK.Cast && !x.explicit && x.lhs) x = x.lhs; return x.kind === NK.Neg ? x.lhs : null; };
      const na = neg(a), nb = neg(b);
      return (nb !== null && sameVar(a, nb) && sameVar(c.lhs!, a)) || (na !== null && sameVar(b, na) && sameVar(c.lhs!, b));
    }
    case NK.Comma: case NK.Assign: return nonNegative(n.rhs!, cs);
    case NK.Call: {
      // builtins gcc knows to be nonnegative (tree_call_nonnegative_warnv_p)
      const f = calleeObj(n);
      return f !== null && f.builtin >= 0 && /^(__builtin_)?(clz|ffs|parity|popcount|clrsb|bswap)/.test(f.name);
    }
  }
  return false;
}

/** Width of a bit-field read (n: the value or the lvalue), -1 if n is none. */
function bitFieldWidth(n: Node): number {
  if (n.kind === NK.Cast && n.ck === CK.Load && n.lhs) n = n.lhs;
  return n.kind === NK.Member && n.member ? n.member.bitWidth : -1;
}

/** The same variable read twice (gcc folds `x >= 0 ? x : -x` to an absolute value). */
function sameVar(a: Node, b: Node): boolean {
  while (a.kind === NK.Cast && !a.explicit && a.lhs) a = a.lhs;
  while (b.kind === NK.Cast && !b.explicit && b.lhs) b = b.lhs;
  return a.kind === NK.Var && b.kind === NK.Var && a.obj === b.obj;
}

function isIntegerType(t: import('./types').Type): boolean { return t.kind >= TY.Bool && t.kind <= TY.Enum; }
/** `cs`: plain char is signed on the target. */
function isUnsignedType(t: import('./types').Type, cs: boolean): boolean {
  switch (t.kind) {
    case TY.Bool: case TY.UChar: case TY.UShort: case TY.UInt: case TY.ULong: case TY.ULLong: case TY.UInt128: return true;
    case TY.Char: return !cs;
    case TY.Enum: return t.base !== null && isUnsignedType(t.base, cs);
  }
  return false;
}

export function warnComparison(p: Parser, op: NK, l: Node, r: Node, t: Token, bareNot: boolean): void {
  const lt = l.ty, rt = r.ty;
  if ((lt.kind === TY.Enum || l.kind === NK.EnumConst) && (rt.kind === TY.Enum || r.kind === NK.EnumConst)) {
    const le = enumOf(l), re = enumOf(r);
    if (le && re && le.rec !== re.rec) p.warn('enum-compare', t, `comparison between ${quoteT(le)} and ${quoteT(re)}`);
  }
  // -Wbool-compare: exactly one operand boolean, the other an integer constant
  const lb = lt.kind === TY.Bool || isTruth(l), rb = rt.kind === TY.Bool || isTruth(r);
  if (lb !== rb) boolCompare(p, op, l, r, t);
  if (p.wSignCompare && isIntegerType(lt) && isIntegerType(rt)) signCompare(p, l, r, op, t);
  if (bareNot && l.kind === NK.LogNot && !(rt.kind === TY.Bool || isTruth(r)) && !((op === NK.Eq || op === NK.Ne) && r.val === 0n)) {
    if (p.warn('logical-not-parentheses', t, 'logical not is only applied to the left hand side of comparison')) {
      p.note(l.tok, 'add parentheses around left hand side expression to silence this warning');
    }
  }
}

/** The enumerated type of an operand: an enum-typed value or an enumerator (gcc remembers its type),
 */
function enumOf(n: Node): import('./types').Type | null {
  if (n.kind === NK.EnumConst) return n.obj!.enumType;
  return n.ty.kind === TY.Enum ? n.ty : null;
}

function quoteT(t: import('./types').Type): string { return quoteType(t); }

function boolCompare(p: Parser, op: NK, l: Node, r: Node, t: Token): void {
  let cst: bigint, cstLeft: boolean;
  if (l.val !== null && isIntegerType(l.ty) && !isTruth(l)) { cst = l.val; cstLeft = true; }
  else if (r.val !== null && isIntegerType(r.ty) && !isTruth(r)) { cst = r.val; cstLeft = false; }
  else return;
  if (cst !== 0n && cst !== 1n) {
    const sign = cstLeft ? (cst < 0n ? -1 : 1) : (cst < 0n ? 1 : -1);
    const f = op === NK.Eq || ((op === NK.Gt || op === NK.Ge) && sign < 0) || ((op === NK.Lt || op === NK.Le) && sign > 0);
    p.warn('bool-compare', t, `comparison of constant '${cst}' with boolean expression is always ${f ? 'false' : 'true'}`);
    return;
  }
  let flag = cstLeft;
  flag = cst === 0n ? flag : !flag;
  if ((op === NK.Ge && !flag) || (op === NK.Le && flag)) p.warn('bool-compare', t, `comparison of constant '${cst}' with boolean expression is always true`);
  else if ((op === NK.Lt && !flag) || (op === NK.Gt && flag)) p.warn('bool-compare', t, `comparison of constant '${cst}' with boolean expression is always false`);
}

function signCompare(p: Parser, l: Node, r: Node, op: NK, t: Token): void {
  const lt = l.ty, rt = r.ty, intSize = p.T.int.size, cs = p.target.charSigned;
  const ls = !isUnsignedType(lt, cs), rs = !isUnsignedType(rt, cs);
  if (ls === rs) return;
  // an unsigned bit-field narrower than int is promoted to int
  const bw = bitFieldWidth(ls ? r : l);
  if (bw >= 0 && bw < intSize * 8) return;
  // the comparison is done in a signed type when that can hold every value of the unsigned one
  const size = Math.max(lt.size, rt.size, intSize);
  const u = ls ? rt : lt;
  if (u.size < size) return;
  const sop = ls ? l : r, uop = ls ? r : l;
  if (nonNegative(sop, cs)) return;
  if (uop.val !== null && (op === NK.Eq || op === NK.Ne) && uop.val < (1n << BigInt(size * 8 - 1))) return;
  p.warn('sign-compare', t, `comparison of integer expressions of different signedness: ${quoteT(lt)} and ${quoteT(rt)}`);
}

// ---------------------------------------------------------------------------------------------
// Truth contexts (p.wTruth): conditions of if/while/do/for and ?:, operands of !, && and ||.
// -Waddress: an object's or function's address is never null; -Wint-in-bool-context.

/** The object whose address n (an rvalue) is, if gcc -Waddress reports it: `arr`, `f`, `&x`, `&arr[i]`
 *  (not weak), a member's; `decl`: the address of a variable or function itself. */
function addressOf(n: Node): { name: string; tok: Token; decl: boolean } | null {
  let v: Node | null = null, decl = true;
  if (n.kind === NK.Cast && (n.ck === CK.ArrayDecay || n.ck === CK.FuncDecay)) v = n.lhs;
  else if ((n.kind === NK.Var || n.kind === NK.Member) && (n.ty.kind === TY.Array || n.ty.kind === TY.Func)) v = n; // not yet converted
  else if (n.kind === NK.Addr) {
    v = n.lhs;
    if (v && v.kind === NK.Deref && v.lhs && v.lhs.kind === NK.Add) {
      const a = v.lhs.lhs!;
      v = a.kind === NK.Cast && a.ck === CK.ArrayDecay ? a.lhs : null;
      decl = false;
    }
  }
  if (!v) return null;
  if (v.kind === NK.Member) {
    // a member (gcc reports it also through a pointer)
    const m = v.member!;
    return m.name && m.tok ? { name: m.name, tok: m.tok, decl: false } : null;
  }
  if (v.kind !== NK.Var) return null;
  const o = v.obj!;
  return o.attrs?.weak || !o.tok ? null : { name: o.name, tok: o.tok, decl };
}

/** The first token of a decayed or addressed lvalue such as `s.a`, `p->a` (gcc's location of it). */
function startTok(n: Node): Token {
  let v = n.kind === NK.Cast && n.lhs ? n.lhs : n;
  while (v.kind === NK.Member && v.lhs) v = v.lhs;
  if (v.kind === NK.Deref && v.lhs) { const b = v.lhs.kind === NK.Cast && v.lhs.lhs ? v.lhs.lhs : v.lhs; if (b.kind === NK.Var) return b.tok; }
  return v.kind === NK.Var ? v.tok : n.tok;
}

/** -Waddress for `addr == 0` / `addr != 0` (either side), at the operator. */
export function warnAddressCompare(p: Parser, op: NK, l: Node, r: Node, t: Token, nullL: boolean, nullR: boolean): void {
  if (t.flags & TF.Expanded) return; // (gcc: not in a macro expansion, see warnTruth)
  const o = nullR ? addressOf(l) : nullL ? addressOf(r) : null;
  if (o) addressCompare(p, o, op === NK.Ne, t);
}

function addressCompare(p: Parser, o: { name: string; tok: Token }, val: boolean, t: Token): void {
  if (p.warn('address', t, `the comparison will always evaluate as '${val}' for the address of '${o.name}' will never be NULL`)) {
    p.note(o.tok, `'${o.name}' declared here`);
  }
}

/** n (an rvalue) is used as a truth value; `isIf`: the condition of an if statement, `at`: where the
 *  operation using it is (a `!`), else n itself. */
export function warnTruth(p: Parser, n: Node, isIf: boolean, at: Token | null = null): void {
  const o = addressOf(n);
  if (o) {
    if (isIf && o.decl) p.warn('address', n.tok, `the address of '${o.name}' will always evaluate as 'true'`);
    else {
      // gcc's build_binary_op: not where the test comes from a macro expansion (the kernel's
      // `(ptr) ? ... : ...` and `(listptr) && *(listptr)` in macros)
      const lt = at ?? startTok(n);
      if (!(lt.flags & TF.Expanded)) addressCompare(p, o, true, lt);
    }
    return;
  }
  switch (n.kind) {
    case NK.Shl:
      // (not a shift gcc folded to a constant)
      if (n.val === null && !isUnsignedType(n.ty, p.target.charSigned)) p.warn('int-in-bool-context', n.tok, "'<<' in boolean context, did you mean '<'?");
      return;
    case NK.Mul:
      if (isIntegerType(n.ty)) p.warn('int-in-bool-context', n.tok, "'*' in boolean context, suggest '&&' instead");
      return;
    case NK.Cond: {
      const a = n.then, b = n.els;
      if (!a || !b || n.ty.kind === TY.Pointer) return;
      const colon = p.condColons?.get(n) ?? n.tok;
      const ca = a.val !== null && isIntegerType(a.ty), cb = b.val !== null && isIntegerType(b.ty);
      if (ca && cb && a.val !== 0n && b.val !== 0n && (a.val !== 1n || b.val !== 1n)) {
        p.warn('int-in-bool-context', colon, "'?:' using integer constants in boolean context, the expression will always evaluate to 'true'");
      } else if ((ca && a.val !== 0n && a.val !== 1n) || (cb && b.val !== 0n && b.val !== 1n)) {
        p.warn('int-in-bool-context', colon, "'?:' using integer constants in boolean context");
      }
    }
  }
}

/** -Wsign-compare for ?: (gcc's build_conditional_expr): an arm of signed type converted to the unsigned
 *  result type because the other arm is unsigned. `a`, `b`: the arms before the conversions. */
export function warnCondSign(p: Parser, a: Node, b: Node, ty: import('./types').Type): void {
  if (!p.wSignCompare) return;
  const cs = p.target.charSigned;
  const ua = isUnsignedType(a.ty, cs), ub = isUnsignedType(b.ty, cs);
  if (ua === ub || !isUnsignedType(ty, cs) || !isIntegerType(a.ty) || !isIntegerType(b.ty)) return;
  if ((ub && nonNegative(a, cs)) || (ua && nonNegative(b, cs))) return;
  const s = ub ? a : b;
  p.warn('sign-compare', exprTok(s, s.tok), `operand of '?:' changes signedness from ${quoteType(s.ty)} to ${quoteType(ty)} due to unsignedness of other operand`);
}

// ---------------------------------------------------------------------------------------------
// -Wparentheses on binary operators (gcc's warn_about_parentheses): an operand written without
// parentheses (Node.paren marks the parenthesized ones) whose operator binds in a surprising way.

const OPS: Partial<Record<NK, string>> = {
  [NK.Add]: '+', [NK.Sub]: '-', [NK.Shl]: '<<', [NK.Shr]: '>>', [NK.BitAnd]: '&', [NK.BitOr]: '|', [NK.BitXor]: '^',
  [NK.Eq]: '==', [NK.Ne]: '!=', [NK.LogAnd]: '&&', [NK.LogOr]: '||',
};

const isCmpCode = (k: number) => k >= NK.Lt && k <= NK.Ne;
/** gcc's APPEARS_TO_BE_BOOLEAN_EXPR_P */
const boolish = (k: number, n: Node) => isTruth(n) || n.ty.kind === TY.Bool || k === NK.LogNot;
const arithOr = (k: number) => k === NK.BitAnd || k === NK.Add || k === NK.Sub || k === NK.BitXor;
const arithXor = (k: number) => k === NK.BitAnd || k === NK.Add || k === NK.Sub;

export function warnParentheses(p: Parser, op: NK, l: Node, r: Node, t: Token): void {
  const cl = l.paren ? -1 : l.kind, cr = r.paren ? -1 : r.kind;
  // (reported at the operand's operator, as gcc; at this operator when the operand folded to a constant)
  const L = l.val !== null ? t : l.tok, R = r.val !== null ? t : r.tok;
  switch (op) {
    case NK.Shl: case NK.Shr: {
      const s = OPS[op];
      if (cl === NK.Add) p.warn('parentheses', L, `suggest parentheses around '+' inside '${s}'`);
      else if (cr === NK.Add) p.warn('parentheses', R, `suggest parentheses around '+' inside '${s}'`);
      else if (cl === NK.Sub) p.warn('parentheses', L, `suggest parentheses around '-' inside '${s}'`);
      else if (cr === NK.Sub) p.warn('parentheses', R, `suggest parentheses around '-' inside '${s}'`);
      return;
    }
    case NK.LogOr:
      if (cl === NK.LogAnd) p.warn('parentheses', L, "suggest parentheses around '&&' within '||'");
      else if (cr === NK.LogAnd) p.warn('parentheses', R, "suggest parentheses around '&&' within '||'");
      return;
    case NK.BitOr: case NK.BitXor: {
      const s = OPS[op], arith = op === NK.BitOr ? arithOr : arithXor;
      if (arith(cl) || arith(cr)) p.warn('parentheses', arith(cl) ? L : R, `suggest parentheses around arithmetic in operand of '${s}'`);
      else if (isCmpCode(cl) || isCmpCode(cr)) p.warn('parentheses', isCmpCode(cl) ? L : R, `suggest parentheses around comparison in operand of '${s}'`);
      else if (op === NK.BitOr && cl === NK.LogNot && !boolish(cr, r)) p.warn('parentheses', L, "suggest parentheses around operand of '!' or change '|' to '||' or '!' to '~'");
      return;
    }
    case NK.BitAnd:
      if (cl === NK.Add) p.warn('parentheses', L, "suggest parentheses around '+' in operand of '&'");
      else if (cr === NK.Add) p.warn('parentheses', R, "suggest parentheses around '+' in operand of '&'");
      else if (cl === NK.Sub) p.warn('parentheses', L, "suggest parentheses around '-' in operand of '&'");
      else if (cr === NK.Sub) p.warn('parentheses', R, "suggest parentheses around '-' in operand of '&'");
      else if (isCmpCode(cl) || isCmpCode(cr)) p.warn('parentheses', isCmpCode(cl) ? L : R, "suggest parentheses around comparison in operand of '&'");
      else if (cl === NK.LogNot && !boolish(cr, r)) p.warn('parentheses', L, "suggest parentheses around operand of '!' or change '&' to '&&' or '!' to '~'");
      return;
    case NK.Eq: case NK.Ne:
      if (isCmpCode(cl) || isCmpCode(cr)) p.warn('parentheses', isCmpCode(cl) ? L : R, `suggest parentheses around comparison in operand of '${OPS[op]}'`);
      return;
    case NK.Lt: case NK.Le: case NK.Gt: case NK.Ge:
      if (isCmpCode(cl) && cl !== NK.Eq && cl !== NK.Ne) p.warn('parentheses', L, "comparisons like 'X<=Y<=Z' do not have their mathematical meaning");
      else if (isCmpCode(cr) && cr !== NK.Eq && cr !== NK.Ne) p.warn('parentheses', R, "comparisons like 'X<=Y<=Z' do not have their mathematical meaning");
  }
}
