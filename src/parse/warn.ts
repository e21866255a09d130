// -Wall/-Wextra checks made while parsing, where the parser already holds what they need (gcc 12's texts
// and locations). Each caller tests the Parser's cached flag first (`p.wUnusedValue`...), so a disabled
// warning costs one boolean test.
//
// -Wunused-value: an expression statement (also a for loop's first and third expression) without
// effect, or whose value is computed and dropped; the operands of a comma expression.

import { Token } from '../lex/token';
import { CK, NK, Node } from './ast';
import type { Parser } from './state';
import { Q, TY } from './types';

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
const isExplicitCast = (n: Node) => n.kind === NK.Cast && n.explicit;

/** An expression statement's value is dropped: gcc's emit_side_effect_warnings. `at`: the statement's
 *  location (a for loop's first expression: the `for`). */
export function warnUnusedValue(p: Parser, e: Node, at: Token): void {
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
  if (isVoid(l) && isExplicitCast(l)) return; // (void) a, b
  if (isVoid(l) && l.kind === NK.Comma && isExplicitCast(l.rhs!)) return; // (void) a, (void) b, c
  p.warn('unused-value', comma, 'left-hand operand of comma expression has no effect');
}
