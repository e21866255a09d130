// Statements and function bodies: compound statements with their scopes, selection and iteration
// statements, switch with its case list (ranges, duplicate detection), labels (including GNU local
// labels declared with __label__), goto and computed goto, return, and asm statements.

import { TK, Token } from '../lex/token';
import { AsmInfo, AsmOperand, LabelInfo, Linkage, NK, Node, Obj, SC } from './ast';
import { KW, Parser, PendingGoto, SwitchCtx, VmScope } from './state';
import { TY, Type, isInteger, isScalar, quoteType, unqualified } from './types';
import { assignConvert, unreadAssigned, Ctx, condExpr, expr, promote, rvalue, convertTo, newNode } from './expr';
import { declaration, declSpec, isDeclSpecStart, pragma, staticAssert, attributes, stdAttributes } from './decl';
import { stringLiteralText, stringLiteral } from './literal';
import { warnTruth, warnUnusedValue } from './warn';
import { checkFallthrough } from './fallthrough';
import { checkIndentation } from './indent';

export interface SavedFn {
  fn: Obj | null;
  locals: Obj[];
  labelScopes: Map<string, LabelInfo>[];
  labels: LabelInfo[];
  loopDepth: number;
  breakDepth: number;
  switches: SwitchCtx[];
  reported: Set<string>;
  outer: Map<string, LabelInfo>[];
  gotos: PendingGoto[];
  labelVm: Map<LabelInfo, VmScope | null>;
}

export function startFunction(p: Parser, fn: Obj): SavedFn {
  const saved: SavedFn = {
    fn: p.fn, locals: p.fnLocals, labelScopes: p.labelScopes, labels: p.fnLabels, loopDepth: p.loopDepth,
    breakDepth: p.breakDepth, switches: p.switches, reported: p.reportedUndeclared, outer: p.outerLabelScopes,
    gotos: p.gotos, labelVm: p.labelVm,
  };
  p.gotos = [];
  p.labelVm = new Map();
  p.outerLabelScopes = p.fn ? [...p.outerLabelScopes, ...p.labelScopes] : [];
  p.fn = fn;
  p.diag.currentFunction = fn.name;
  p.fnLocals = [];
  p.labelScopes = [new Map()];
  p.fnLabels = [];
  p.loopDepth = 0;
  p.breakDepth = 0;
  p.switches = [];
  p.reportedUndeclared = new Set();
  p.enterScope();
  return saved;
}

export function finishFunction(p: Parser, fn: Obj, s: SavedFn, typeGiven = true): void {
  p.leaveScope();
  // gcc's front end: a static function without any return statement (then no middle-end warning)
  if (!fn.hasReturn && !fn.callsNoreturn && typeGiven && fn.linkage === Linkage.Internal && fn.ty.kind === TY.Func &&
      fn.ty.base!.kind !== TY.Void && !fn.attrs?.noreturn && fn.name !== 'main' && fn.bodyEnd && p.wReturnType) {
    const e = fn.bodyEnd, lc = e.file.lineCol(e.pos);
    p.diag.warning('return-type', { file: e.file, pos: e.pos - (lc.col - 1) }, 'no return statement in function returning non-void');
    fn.returnsNothing = true;
  }
  if (fn.params && fn.params.length && (p.wUnusedParam || p.wUnusedButSetParam)) warnUnusedParams(p, fn);
  for (const o of p.unusedTypedefs) p.warn('unused-local-typedefs', o.tok!, `typedef '${o.name}' locally defined but not used`);
  p.unusedTypedefs = [];
  for (const l of p.fnLabels) {
    if (!l.defined && l.used && s.fn) {
      // a nested function's jump to a label of the enclosing function (defined later there)
      if (!s.labelScopes[0].has(l.name)) { s.labelScopes[0].set(l.name, l); s.labels.push(l); }
      continue;
    }
    if (!l.defined && l.used) p.error(l.firstUse, `label '${l.name}' used but not defined`);
    else if (l.defined && !l.used && !l.addrTaken) p.warn('unused-label', l.defined, `label '${l.name}' defined but not used`);
  }
  checkJumpsIntoVmScope(p);
  fn.locals = p.fnLocals;
  fn.labels = p.fnLabels;
  p.gotos = s.gotos;
  p.labelVm = s.labelVm;
  p.fn = s.fn;
  p.diag.currentFunction = s.fn ? s.fn.name : null;
  p.fnLocals = s.locals;
  p.labelScopes = s.labelScopes;
  p.fnLabels = s.labels;
  p.loopDepth = s.loopDepth;
  p.breakDepth = s.breakDepth;
  p.switches = s.switches;
  p.reportedUndeclared = s.reported;
  p.outerLabelScopes = s.outer;
}

/** -Wunused-but-set-parameter, then -Wunused-parameter (gcc's order), at the end of a definition. */
function warnUnusedParams(p: Parser, fn: Obj): void {
  const params = fn.params!;
  if (p.wUnusedButSetParam) {
    for (const o of params) if (o.used && o.reads <= 0 && o.name && o.tok && !o.attrs?.unused) p.warn('unused-but-set-parameter', o.tok, `parameter '${o.name}' set but not used`);
  }
  if (p.wUnusedParam) {
    for (const o of params) if (!o.used && o.name && o.tok && !o.attrs?.unused) p.warn('unused-parameter', o.implicit && fn.tok ? fn.tok : o.tok, `unused parameter '${o.name}'`);
  }
}

/** C17 6.8.6.1p1: a goto must not jump into the scope of a variably modified identifier. */
function checkJumpsIntoVmScope(p: Parser): void {
  for (const g of p.gotos) {
    const target = p.labelVm.get(g.label);
    if (!target) continue;
    let c = g.vm;
    while (c !== null && c !== target) c = c.parent;
    if (c === target) continue;
    p.error(g.tok, 'jump into scope of identifier with variably modified type');
    p.note(g.label.defined!, `label '${g.label.name}' defined here`);
    p.note(target.obj.tok!, `'${target.obj.name}' declared here`);
  }
}

/** The label named `name` visible here, created on first use. */
export function getLabel(p: Parser, name: string, t: Token): LabelInfo {
  const ls = p.labelScopes;
  for (let i = ls.length - 1; i >= 0; i--) {
    const l = ls[i].get(name);
    if (l) return l;
  }
  const os = p.outerLabelScopes;
  for (let i = os.length - 1; i >= 0; i--) {
    const l = os[i].get(name);
    if (l) return l;
  }
  const l = new LabelInfo(name, p.fnLabels.length, t);
  p.fnLabels.push(l);
  ls[0].set(name, l);
  return l;
}

// compound-statement = "{" ("__label__" identifier ("," identifier)* ";")* (declaration | statement)* "}"
export function compoundStmt(p: Parser, isStmtExpr: boolean, fnBody = false): Node {
  const lb = p.tok();
  p.expect(TK.LBrace, "'{'");
  const n = newNode(NK.Block, lb, p.T.void);
  const list: Node[] = [];
  n.list = list;
  // a function's outermost block shares the parameters' scope (C17 6.2.1p4)
  if (!fnBody) p.enterScope();
  let pushedLabels = false;
  while (p.atKw(KW.Label)) {
    p.next();
    if (!pushedLabels) { p.labelScopes.push(new Map()); pushedLabels = true; }
    const m = p.labelScopes[p.labelScopes.length - 1];
    for (;;) {
      const id = p.next();
      if (id.kind !== TK.Ident) { p.error(id, 'expected identifier'); break; }
      const l = new LabelInfo(id.text, p.fnLabels.length, id);
      p.fnLabels.push(l);
      m.set(id.text, l);
      if (!p.accept(TK.Comma)) break;
    }
    p.expect(TK.Semi, "';'");
  }
  const seItems: Node[] | null = isStmtExpr && p.wUnusedValue ? [] : null;
  while (!p.at(TK.RBrace) && !p.at(TK.EOF)) {
    if (seItems !== null || p.seDefer !== null) p.seDefer = seItems;
    blockItem(p, list);
  }
  if (p.seDefer !== null) p.seDefer = null;
  if (isStmtExpr) splitLabeledValue(p, list);
  if (seItems) for (const s of seItems) if (s !== list[list.length - 1]) warnUnusedValue(p, s.lhs!, s.tok);
  if (p.at(TK.EOF)) p.errorExpected('declaration or statement');
  else if (fnBody) p.lastRBrace = p.next();
  else p.next();
  if (!fnBody) p.leaveScope();
  if (pushedLabels) p.labelScopes.pop();
  void isStmtExpr;
  return n;
}

/** `({ ...; out: v; })`: the value is v, as in gcc, where a label is a statement of its own. The last
 *  item's labels keep an empty statement and v becomes the last item. */
function splitLabeledValue(p: Parser, list: Node[]): void {
  let l = list.length ? list[list.length - 1] : null;
  if (!l || l.kind !== NK.Label) return;
  while (l.body && l.body.kind === NK.Label) l = l.body;
  const e = l.body;
  if (!e || e.kind !== NK.ExprStmt) return;
  l.body = newNode(NK.Null, e.tok, p.T.void);
  list.push(e);
}

function isLabelStart(p: Parser): boolean {
  return p.at(TK.Ident) && p.peek(1).kind === TK.Colon && p.kw(p.tok()) === KW.None;
}

// block-item = declaration | statement
function blockItem(p: Parser, list: Node[]): void {
  const t = p.tok();
  if (t.kind === TK.Pragma) { pragma(p); return; }
  if (t.kind === TK.Ident && !isLabelStart(p)) {
    const k = p.kw(t);
    if (k === KW.StaticAssert) { staticAssert(p); return; }
    if (k === KW.Attribute && isAttributeStatement(p)) { list.push(stmt(p)); return; }
    if (k === KW.Extension) {
      // __extension__ before a declaration or an expression
      const save = p.mark();
      p.next();
      while (p.atKw(KW.Extension)) p.next();
      if (isDeclSpecStart(p, p.tok())) { p.release(); localDeclaration(p, list); return; }
      p.pos = save;
      p.release();
    } else if (isDeclSpecStart(p, t) && !(k === KW.None && p.peek(1).kind === TK.Colon)) {
      // a typedef name followed by something that cannot continue a declaration is an expression
      if (!(k === KW.None && isExprAfterTypedefName(p))) { localDeclaration(p, list); return; }
    }
  }
  list.push(stmt(p));
}

/** `__attribute__((fallthrough));`: attributes and ';' make a statement, not an empty declaration. */
function isAttributeStatement(p: Parser): boolean {
  let i = 0;
  while (p.kw(p.peek(i)) === KW.Attribute) {
    i++;
    if (p.peek(i).kind !== TK.LParen) return false;
    for (let depth = 0; ; i++) {
      const k = p.peek(i).kind;
      if (k === TK.EOF) return false;
      if (k === TK.LParen) depth++;
      else if (k === TK.RParen && --depth === 0) { i++; break; }
    }
  }
  return p.peek(i).kind === TK.Semi;
}

function isExprAfterTypedefName(p: Parser): boolean {
  const k = p.peek(1).kind;
  // `T = 1;` `T(x)`... T is a typedef name but used as a variable: only if shadowed (handled by lookup)
  return k === TK.Assign || k === TK.Dot || k === TK.Arrow || k === TK.Inc || k === TK.Dec;
}

function localDeclaration(p: Parser, list: Node[]): void {
  p.vmRecords.length = 0;
  const start = p.tok();
  const spec = declSpec(p, true);
  // a struct with variably modified members defined here: its bounds are evaluated before the
  // declarators (a Decl node without an object; records defined inside expressions are evaluated
  // where the lowering first needs them)
  for (const t of p.vmRecords) list.push(new Node(NK.Decl, start, t));
  p.vmRecords.length = 0;
  if (!spec) { p.skipToSync(); return; }
  declaration(p, spec, list);
}

// stmt = "return" expr? ";" | "if" "(" expr ")" stmt ("else" stmt)? | "switch" "(" expr ")" stmt
//      | "case" const-expr ("..." const-expr)? ":" stmt | "default" ":" stmt
//      | "for" "(" (expr? ";" | declaration) expr? ";" expr? ")" stmt | "while" "(" expr ")" stmt
//      | "do" stmt "while" "(" expr ")" ";" | "goto" (ident | "*" expr) ";" | "break" ";" | "continue" ";"
//      | asm-statement | ident ":" stmt | "{" compound-stmt | expr? ";"
export function stmt(p: Parser): Node {
  const t = p.tok();
  const T = p.T;
  const seDefer = p.seDefer;
  if (seDefer !== null) p.seDefer = null;
  if (t.kind === TK.LBrace) return compoundStmt(p, false);
  if (t.kind === TK.Semi) { p.next(); return newNode(NK.Null, t, T.void); }
  if (t.kind === TK.LBracket && p.peek(1).kind === TK.LBracket) {
    const h = { attrs: null as import('./ast').Attrs | null };
    stdAttributes(p, h);
    if (p.at(TK.Semi)) { p.next(); return newNode(NK.Null, t, T.void); }
    return stmt(p);
  }
  if (t.kind === TK.Ident) {
    // (the statement a label labels is a statement expression's item: its value may be the result)
    if (isLabelStart(p)) { p.seDefer = seDefer; return labelRun(p); }
    switch (p.kw(t)) {
      case KW.Return: return returnStmt(p);
      case KW.If: return ifStmt(p);
      case KW.Switch: return switchStmt(p);
      case KW.Case: case KW.Default: return labelRun(p);
      case KW.For: return forStmt(p);
      case KW.While: return whileStmt(p);
      case KW.Do: return doStmt(p);
      case KW.Goto: return gotoStmt(p);
      case KW.Break: case KW.Continue: return breakStmt(p);
      case KW.Asm: return asmStmt(p);
      case KW.Attribute: {
        // __attribute__((fallthrough)); or attributes before a statement
        const h = { attrs: null as import('./ast').Attrs | null };
        attributes(p, h);
        if (p.at(TK.Semi)) {
          p.next();
          const n = newNode(NK.Null, t, T.void);
          if (h.attrs?.fallthrough) p.fallthroughStmts.add(n);
          return n;
        }
        return stmt(p);
      }
      case KW.Else: p.error(t, "expected expression before 'else'"); p.next(); return newNode(NK.Null, t, T.void);
    }
    if (isDeclSpecStart(p, t) && p.kw(t) !== KW.Extension) {
      // declaration where a statement is required (after a label in C17, or as if-body)
      const list: Node[] = [];
      localDeclaration(p, list);
      const b = newNode(NK.Block, t, T.void);
      b.list = list;
      return b;
    }
  }
  const e = expr(p);
  const n = newNode(NK.ExprStmt, t, e.ty);
  n.lhs = e;
  if (p.wUnusedButSet) unreadAssigned(e);
  if (p.wUnusedValue) { if (seDefer) seDefer.push(n); else warnUnusedValue(p, e, t); }
  if (!p.expect(TK.Semi, "';'")) p.skipToSync();
  return n;
}

function labeledStmt(p: Parser): Node {
  const id = p.next();
  p.next(); // ':'
  const l = getLabel(p, id.text, id);
  if (l.defined) {
    p.error(id, `duplicate label '${id.text}'`);
    p.note(l.defined, `previous definition of '${id.text}' with type 'void'`);
  } else { l.defined = id; if (p.vmChain) p.labelVm.set(l, p.vmChain); }
  if (p.atKw(KW.Attribute)) attributes(p, { attrs: null });
  const n = newNode(NK.Label, id, p.T.void);
  n.label = l;
  if (p.at(TK.RBrace)) {
    if (!p.c2x) p.pedwarn(null, p.tok(), 'label at end of compound statement');
    n.body = newNode(NK.Null, id, p.T.void);
    return n;
  }
  n.body = labelTarget(p);
  return n;
}

/** Placeholder body of a label that is followed by another label (linked by labelRun). */
const PENDING = newNodePlaceholder();
function newNodePlaceholder(): Node { return { kind: NK.Null } as unknown as Node; }

function labelTarget(p: Parser): Node {
  if (isLabelStart(p) || p.atKw(KW.Case) || p.atKw(KW.Default)) return PENDING;
  return stmt(p);
}

/**
 * Labels in a row (`a: case 1: case 2: stmt`) are parsed in a loop and linked afterwards, not by
 * recursion: gcc's limits-caselabels.c has 100000 of them.
 */
function labelRun(p: Parser): Node {
  const chain: Node[] = [];
  for (;;) {
    const n = isLabelStart(p) ? labeledStmt(p) : p.atKw(KW.Case) ? caseStmt(p) : defaultStmt(p);
    chain.push(n);
    if (n.body !== PENDING) break;
  }
  for (let i = chain.length - 2; i >= 0; i--) chain[i].body = chain[i + 1];
  return chain[0];
}

function returnStmt(p: Parser): Node {
  const t = p.next();
  const T = p.T;
  const n = newNode(NK.Return, t, T.void);
  const fn = p.fn!;
  fn.hasReturn = true;
  // after an earlier error the function's declared type may not be a function type: return int then
  const ret = fn.ty.kind === TY.Func && fn.ty.base ? fn.ty.base : T.int;
  if (p.accept(TK.Semi)) {
    if (ret.kind !== TY.Void) {
      fn.returnsNothing = true;
      if (returnWarning(p, t, "'return' with no value, in function returning non-void", false) && fn.tok) p.note(fn.tok, 'declared here');
    }
    return n;
  }
  const e = expr(p);
  if (!p.expect(TK.Semi, "';'")) p.skipToSync();
  if (ret.kind === TY.Void) {
    const v = rvalue(p, e);
    if (v.ty.kind !== TY.Void) {
      if (returnWarning(p, e.tok, "'return' with a value, in function returning void", true)) {
        if (fn.tok) p.note(fn.tok, 'declared here');
      }
    }
    n.lhs = v;
    return n;
  }
  n.lhs = assignConvert(p, e, ret, Ctx.Return);
  return n;
}

/** gcc 12's -Wreturn-type front-end messages: printed unless -Wno-return-type (or -w), tagged with
 *  the flag only when -Wreturn-type is on (-Wall); `pedantic`: an error with -pedantic-errors. */
function returnWarning(p: Parser, t: Token, msg: string, pedantic: boolean): boolean {
  const d = p.diag;
  if (d.opts.enabled.get('return-type') === false) return false;
  const on = d.isEnabled('return-type');
  if (pedantic && d.opts.pedanticErrors) { p.error(t, on ? msg + ' [-Wreturn-type]' : msg); return true; }
  return p.warn(on ? 'return-type' : null, t, msg);
}

/** A controlling expression: scalar rvalue. */
/** -Wparentheses: `if (a = b)` (an assignment not wrapped in its own parentheses) as a condition. */
export function warnAssignAsTruth(p: Parser, e: Node, first: Token): void {
  if (first.kind === TK.LParen) return;
  let n = e;
  while (n.kind === NK.Cast && !n.explicit && n.lhs) n = n.lhs;
  if (n.kind === NK.Assign) p.warn('parentheses', first, 'suggest parentheses around assignment used as truth value');
}

function condition(p: Parser, what: string): Node {
  const lp = p.tok();
  p.expect(TK.LParen, "'('");
  const first = p.tok();
  const e = rvalue(p, expr(p));
  if (what !== 'switch') warnAssignAsTruth(p, e, first);
  if (p.wTruth && what !== 'switch') warnTruth(p, e, what === 'if');
  if (!p.expect(TK.RParen, "')'")) {
    // recover: skip to the matching ')'
    while (!p.at(TK.RParen) && !p.at(TK.Semi) && !p.at(TK.LBrace) && !p.at(TK.EOF)) p.next();
    p.accept(TK.RParen);
  }
  if (!isScalar(e.ty) && e.ty.kind !== TY.Vector) {
    if (e.ty.kind === TY.Void) p.error(e.tok, 'void value not ignored as it ought to be');
    else p.error(lp, `used ${e.ty.kind === TY.Array ? 'array' : e.ty.kind === TY.Union ? 'union' : 'struct'} type value where scalar is required`);
  }
  void what;
  return e;
}

function ifStmt(p: Parser): Node {
  const t = p.next();
  const n = newNode(NK.If, t, p.T.void);
  p.enterScope();
  n.cond = condition(p, 'if');
  const semi = p.at(TK.Semi) ? p.tok() : null;
  const body = p.tok();
  n.then = secondaryBlock(p);
  if (p.wIndent) checkIndentation(p, t, body, p.tok());
  if (p.atKw(KW.Else)) {
    const e = p.next();
    const semi2 = p.at(TK.Semi) ? p.tok() : null;
    const body2 = p.tok();
    n.els = secondaryBlock(p);
    if (p.wIndent) checkIndentation(p, e, body2, p.tok());
    if (semi2) p.warn('empty-body', semi2, "suggest braces around empty body in an 'else' statement");
  } else if (semi) p.warn('empty-body', semi, "suggest braces around empty body in an 'if' statement");
  p.leaveScope();
  return n;
}

function secondaryBlock(p: Parser): Node {
  p.enterScope();
  const s = stmt(p);
  p.leaveScope();
  return s;
}

function switchStmt(p: Parser): Node {
  const t = p.next();
  const T = p.T;
  const n = newNode(NK.Switch, t, T.void);
  p.enterScope();
  let c = condition(p, 'switch');
  const enumTy = p.wSwitch && c.ty.kind === TY.Enum && c.ty.rec!.enumConsts ? c.ty : null;
  if (!isInteger(c.ty)) {
    if (isScalar(c.ty)) p.error(c.tok, 'switch quantity not an integer');
    c = convertTo(p, c, T.int);
  } else c = promote(p, c);
  n.cond = c;
  n.list = [];
  const ctx: SwitchCtx = { node: n, ty: c.ty, values: new Map(), ranges: [], hasDefault: null, vm: p.vmChain, enumTy, cases: [] };
  p.switches.push(ctx);
  p.breakDepth++;
  n.body = stmt(p);
  p.breakDepth--;
  p.switches.pop();
  if (enumTy) warnSwitchEnum(p, ctx, enumTy, t);
  if (p.wFallthrough) checkFallthrough(p, n);
  p.leaveScope();
  return n;
}

function caseStmt(p: Parser): Node {
  const t = p.next();
  const T = p.T;
  const sw = p.switches.length ? p.switches[p.switches.length - 1] : null;
  const lo = caseValue(p, sw);
  let hi = lo;
  if (p.accept(TK.Ellipsis)) {
    hi = caseValue(p, sw);
    p.pedwarn('pedantic', t, 'range expressions in switch statements are non-standard');
  }
  p.expect(TK.Colon, "':' or '...'");
  const n = newNode(NK.Case, t, T.void);
  n.val = lo ?? 0n;
  n.val2 = hi ?? n.val;
  if (!sw) p.error(t, "case label not within a switch statement");
  else if (switchIntoVmScope(p, sw, t)) { /* reported */ }
  else if (lo !== null && hi !== null) {
    if (hi < lo) p.warn(null, t, 'empty range specified');
    else if (lo === hi) {
      const prev = sw.values.get(lo) ?? sw.ranges.find((r) => lo >= r.lo && lo <= r.hi)?.tok;
      if (prev) { p.error(t, 'duplicate case value'); p.note(prev, 'previously used here'); }
      else sw.values.set(lo, t);
    } else {
      let dup: Token | undefined = sw.ranges.find((r) => !(hi < r.lo || lo > r.hi))?.tok;
      if (!dup) for (const [v, vt] of sw.values) if (v >= lo && v <= hi) { dup = vt; break; }
      if (dup) { p.error(t, 'duplicate (or overlapping) case value'); p.note(dup, 'this is the first entry overlapping that value'); }
      else sw.ranges.push({ lo, hi, tok: t });
    }
    sw.node.list!.push(n);
  }
  if (sw && sw.enumTy && lo !== null && hi !== null) sw.cases.push({ lo, hi, tok: t });
  n.body = p.at(TK.RBrace) ? caseAtEnd(p, t) : labelTarget(p);
  return n;
}

/** -Wswitch (gcc's c_do_switch_warnings): without a default, each enumerator no case covers; then each
 *  case value (each end of a range) that is no enumerator, at its `case`. */
function warnSwitchEnum(p: Parser, sw: SwitchCtx, ty: Type, t: Token): void {
  const consts = ty.rec!.enumConsts!;
  if (!sw.hasDefault) {
    for (const e of consts) {
      const v = e.enumVal;
      if (!sw.cases.some((c) => v >= c.lo && v <= c.hi)) p.warn('switch', t, `enumeration value '${e.name}' not handled in switch`);
    }
  }
  const isConst = (v: bigint) => consts.some((e) => e.enumVal === v);
  for (const c of sw.cases) {
    if (!isConst(c.lo)) p.warn('switch', c.tok, `case value '${c.lo}' not in enumerated type ${quoteType(ty)}`);
    if (c.hi !== c.lo && !isConst(c.hi)) p.warn('switch', c.tok, `case value '${c.hi}' not in enumerated type ${quoteType(ty)}`);
  }
}

/** A case label inside the scope of a VM identifier declared after the switch began (C17 6.8.4.2p2). */
function switchIntoVmScope(p: Parser, sw: SwitchCtx, t: Token): boolean {
  const target = p.vmChain;
  if (target === null) return false;
  let c = sw.vm;
  while (c !== null && c !== target) c = c.parent;
  if (c === target) return false;
  p.error(t, 'switch jumps into scope of identifier with variably modified type');
  p.note(sw.node.tok, 'switch starts here');
  p.note(target.obj.tok!, `'${target.obj.name}' declared here`);
  return true;
}

function caseAtEnd(p: Parser, t: Token): Node {
  if (!p.c2x) p.pedwarn(null, p.tok(), 'label at end of compound statement');
  return newNode(NK.Null, t, p.T.void);
}

function caseValue(p: Parser, sw: SwitchCtx | null): bigint | null {
  const e = rvalue(p, condExpr(p));
  if (e.val === null || !isInteger(e.ty)) {
    p.error(e.tok, isInteger(e.ty) ? 'case label does not reduce to an integer constant' : 'case label does not reduce to an integer constant');
    return null;
  }
  if (!sw) return e.val;
  const c = convertTo(p, e, sw.ty);
  return c.val ?? e.val;
}

function defaultStmt(p: Parser): Node {
  const t = p.next();
  p.expect(TK.Colon, "':'");
  const n = newNode(NK.Default, t, p.T.void);
  const sw = p.switches.length ? p.switches[p.switches.length - 1] : null;
  if (!sw) p.error(t, "'default' label not within a switch statement");
  else if (switchIntoVmScope(p, sw, t)) { /* reported */ }
  else if (sw.hasDefault) {
    p.error(t, "multiple default labels in one switch");
    p.note(sw.hasDefault, 'this is the first default label');
  } else { sw.hasDefault = t; sw.node.list!.push(n); }
  n.body = p.at(TK.RBrace) ? caseAtEnd(p, t) : labelTarget(p);
  return n;
}


function loopBody(p: Parser): Node {
  p.loopDepth++;
  p.breakDepth++;
  const s = secondaryBlock(p);
  p.loopDepth--;
  p.breakDepth--;
  return s;
}

function forStmt(p: Parser): Node {
  const t = p.next();
  const T = p.T;
  const n = newNode(NK.For, t, T.void);
  p.expect(TK.LParen, "'('");
  p.enterScope();
  if (isDeclSpecStart(p, p.tok()) || (p.atKw(KW.Extension) && isDeclSpecStart(p, p.peek(1)))) {
    if (!p.c99) p.error(p.tok(), "'for' loop initial declarations are only allowed in C99 or C11 mode");
    const list: Node[] = [];
    localDeclaration(p, list);
    const b = newNode(NK.Block, t, T.void);
    b.list = list;
    n.init = b;
  } else if (!p.at(TK.Semi)) {
    const e = expr(p);
    const s = newNode(NK.ExprStmt, e.tok, e.ty);
    s.lhs = e;
    n.init = s;
    if (p.wUnusedButSet) unreadAssigned(e);
    if (p.wUnusedValue) warnUnusedValue(p, e, t);
    p.expect(TK.Semi, "';'");
  } else p.next();
  if (!p.at(TK.Semi)) {
    const first = p.tok();
    const c = rvalue(p, expr(p));
    warnAssignAsTruth(p, c, first);
    if (p.wTruth) warnTruth(p, c, false);
    if (!isScalar(c.ty)) p.error(c.tok, 'used struct type value where scalar is required');
    n.cond = c;
  }
  p.expect(TK.Semi, "';'");
  if (!p.at(TK.RParen)) {
    const first = p.tok();
    n.inc = expr(p);
    if (p.wUnusedButSet) unreadAssigned(n.inc);
    if (p.wUnusedValue) warnUnusedValue(p, n.inc, first);
  }
  if (!p.expect(TK.RParen, "')'")) { while (!p.at(TK.RParen) && !p.at(TK.EOF) && !p.at(TK.LBrace)) p.next(); p.accept(TK.RParen); }
  const body = p.tok();
  n.body = loopBody(p);
  if (p.wIndent) checkIndentation(p, t, body, p.tok());
  p.leaveScope();
  return n;
}

function whileStmt(p: Parser): Node {
  const t = p.next();
  const n = newNode(NK.While, t, p.T.void);
  p.enterScope();
  n.cond = condition(p, 'while');
  const body = p.tok();
  n.body = loopBody(p);
  if (p.wIndent) checkIndentation(p, t, body, p.tok());
  p.leaveScope();
  return n;
}

function doStmt(p: Parser): Node {
  const t = p.next();
  const n = newNode(NK.DoWhile, t, p.T.void);
  if (p.at(TK.Semi)) p.warn('empty-body', p.tok(), "suggest braces around empty body in 'do' statement");
  n.body = loopBody(p);
  if (!p.acceptKw(KW.While)) { p.errorExpected("'while'"); p.skipToSync(); return n; }
  n.cond = condition(p, 'do');
  p.expect(TK.Semi, "';'");
  return n;
}

function gotoStmt(p: Parser): Node {
  const t = p.next();
  const T = p.T;
  if (p.at(TK.Star)) {
    p.next();
    const e = rvalue(p, expr(p));
    p.expect(TK.Semi, "';'");
    const n = newNode(NK.ComputedGoto, t, T.void);
    n.lhs = e.ty.kind === TY.Pointer ? e : convertTo(p, e, T.voidPtr);
    if (e.ty.kind !== TY.Pointer && !isInteger(e.ty)) p.error(e.tok, 'computed goto must be pointer type');
    return n;
  }
  const id = p.next();
  const n = newNode(NK.Goto, t, T.void);
  if (id.kind !== TK.Ident) { p.error(id, 'expected identifier or \'*\' before ' + `'${id.text}'`); p.skipToSync(); return n; }
  const l = getLabel(p, id.text, id);
  l.used = true;
  n.label = l;
  p.gotos.push({ tok: t, label: l, vm: p.vmChain });
  p.expect(TK.Semi, "';'");
  return n;
}

function breakStmt(p: Parser): Node {
  const t = p.next();
  const isBreak = p.kw(t) === KW.Break;
  if (isBreak ? p.breakDepth === 0 : p.loopDepth === 0) {
    p.error(t, isBreak ? 'break statement not within loop or switch' : 'continue statement not within a loop');
  }
  p.expect(TK.Semi, "';'");
  return newNode(isBreak ? NK.Break : NK.Continue, t, p.T.void);
}

// asm-statement = "asm" ("volatile" | "inline" | "goto")* "(" string (":" operands (":" operands (":" clobbers (":" labels)?)?)?)? ")" ";"
function asmStmt(p: Parser): Node {
  const t = p.next();
  const T = p.T;
  const info: AsmInfo = { template: '', outputs: [], inputs: [], clobbers: [], labels: [], isVolatile: false, isInline: false, isGoto: false };
  for (;;) {
    const k = p.kw(p.tok());
    if (k === KW.Volatile) { info.isVolatile = true; p.next(); }
    else if (k === KW.Inline) { info.isInline = true; p.next(); }
    else if (k === KW.Goto) { info.isGoto = true; p.next(); }
    else if (k === KW.Const || k === KW.Restrict) { p.error(p.tok(), `${p.tok().text} is not a valid 'asm' qualifier`); p.next(); }
    else break;
  }
  p.expect(TK.LParen, "'('");
  if (!p.at(TK.String)) { p.errorExpected('string literal'); p.skipToSync(); return newNode(NK.Null, t, T.void); }
  info.template = stringLiteralText(stringLiteral(p));
  let basic = true;
  let section = 0;
  if (p.at(TK.Colon) || p.at(TK.ColonColon)) {
    basic = false;
    const sep = (): boolean => {
      if (p.at(TK.ColonColon)) { // "::" skips a section
        p.next(); section += 2; return true;
      }
      if (p.at(TK.Colon)) { p.next(); section++; return true; }
      return false;
    };
    while (sep()) {
      if (section === 1 || section === 2) {
        if (p.at(TK.Colon) || p.at(TK.ColonColon) || p.at(TK.RParen)) continue;
        const ops = section === 1 ? info.outputs : info.inputs;
        for (;;) {
          ops.push(asmOperand(p, section === 1));
          if (!p.accept(TK.Comma)) break;
        }
      } else if (section === 3) {
        while (p.at(TK.String)) {
          info.clobbers.push(stringLiteralText(stringLiteral(p)));
          if (!p.accept(TK.Comma)) break;
        }
      } else if (section === 4) {
        while (p.at(TK.Ident)) {
          const id = p.next();
          const l = getLabel(p, id.text, id);
          l.used = true;
          info.labels.push(l);
          if (!p.accept(TK.Comma)) break;
        }
      }
      if (section >= 4) break;
    }
  }
  if (basic && p.fn === null) { /* file-scope basic asm handled elsewhere */ }
  p.expect(TK.RParen, section < 3 || (section === 3 && info.isGoto) ? "':' or ')'" : "')'");
  p.expect(TK.Semi, "';'");
  const n = newNode(NK.Asm, t, T.void);
  n.asm = info;
  return n;
}

/** The conditions of gcc's asm flag outputs (`=@cc<cond>`) on x86 and AArch64. */
const FLAG_CONDITIONS: Record<string, Set<string>> = {
  x86: new Set(['a', 'ae', 'b', 'be', 'c', 'e', 'z', 'g', 'ge', 'l', 'le', 'na', 'nae', 'nb', 'nbe', 'nc', 'ne', 'ng', 'nge', 'nl',
    'nle', 'no', 'np', 'ns', 'nz', 'o', 'p', 'pe', 'po', 's']),
  aarch64: new Set(['eq', 'ne', 'cs', 'hs', 'cc', 'lo', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le']),
};

function checkFlagOutput(p: Parser, constraint: string, at: Token): void {
  const arch = p.target.arch;
  const set = arch === 'x86_64' || arch === 'i386' ? FLAG_CONDITIONS.x86 : arch === 'aarch64' ? FLAG_CONDITIONS.aarch64 : null;
  const m = /^=@cc(\w*)$/.exec(constraint);
  if (!set || !m || !set.has(m[1])) p.error(at, `unknown 'asm' flag output '${constraint}'`);
}

function asmOperand(p: Parser, output: boolean): AsmOperand {
  let name: string | null = null;
  if (p.at(TK.LBracket)) {
    p.next();
    name = p.next().text;
    p.expect(TK.RBracket, "']'");
  }
  const ct = p.tok();
  const constraint = p.at(TK.String) ? stringLiteralText(stringLiteral(p)) : (p.errorExpected('string literal'), '');
  // (gcc finds an unknown one when it compiles the function: not under -fsyntax-only)
  if (output && !p.opts.discardBodies && constraint.includes('@cc')) checkFlagOutput(p, constraint, ct);
  p.expect(TK.LParen, "'('");
  let e = expr(p);
  p.expect(TK.RParen, "')'");
  if (output) {
    if (!e.lvalue) p.error(e.tok, 'lvalue required in asm statement');
    else if (e.kind === NK.Var) e.obj!.addrTaken = e.obj!.addrTaken || constraint.includes('m');
  } else {
    // inputs: memory operands keep their lvalue; others are rvalues
    if (!/[mo]/.test(constraint) || !e.lvalue) e = rvalue(p, e);
  }
  return { name, constraint, expr: e };
}

export { SC, quoteType, unqualified };
export type { Type };
