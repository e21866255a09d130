// -Wimplicit-fallthrough (-Wextra; gcc's level 3): "this statement may fall through" at a statement of a
// switch body that control can leave by running into a case or default label, with the note "here" at
// the label.
//
// gcc decides this on its lowered (GIMPLE) form when it compiles the function, so it says nothing under
// -fsyntax-only and nothing for functions it does not compile; the parser computes the messages per
// switch and Diagnostics.functionWarnings keeps them until the lowering takes the function. The rules
// below are what gcc 12 does on its lowered form, read back to C:
// - the switch body is seen as one sequence in which labels (case, default and user labels) and
//   statements alternate; empty statements, empty blocks and declarations without an initializer make
//   nothing and are skipped; a statement followed by a run of labels is the candidate;
// - no warning when the statement right after the labels is a break, continue or goto, a `return;`
//   without a value, a while loop or a for loop with a condition and no first clause (GIMPLE starts
//   those with a goto), or when nothing follows the labels;
// - no warning after `__attribute__((fallthrough));` or when the first label carries a fall-through
//   comment (TF.FallComment, set by the lexer: the regular expressions of -Wimplicit-fallthrough=3);
// - a statement falls through unless it is a return, goto, break or continue, a call to a noreturn
//   function, a block whose last statement does not, an if whose branches both do not, an infinite
//   loop (even one with a break: gcc looks at its last statement, the jump back), a do-while(0) whose
//   body does not, or a switch with a default whose body's last statement does not;
// - the location is the last statement's: an if whose then-branch falls through is reported at its
//   condition's '(' (gcc's location of the if), a loop at its condition, an expression at gcc's
//   location of it (the operator; a call at the function name), a declaration at its name.

import { TF, Token } from '../lex/token';
import { Node, NK, SC } from './ast';
import { Parser } from './state';
import { TY } from './types';

/** Library functions gcc knows to be noreturn (its builtins). */
const NORETURN = new Set(['abort', 'exit', '_exit', '_Exit', 'quick_exit', 'longjmp', 'siglongjmp', '__builtin_longjmp', '__builtin_abort', '__builtin_exit', '__builtin_unreachable', '__builtin_trap']);

const isLabel = (n: Node) => n.kind === NK.Case || n.kind === NK.Default || n.kind === NK.Label;

/** The switch `sw`'s -Wimplicit-fallthrough messages, queued for when its function is lowered. */
export function checkFallthrough(p: Parser, sw: Node): void {
  const seq: Node[] = [];
  const fs = p.fallthroughStmts;
  flatten(sw.body!, seq, fs);
  for (let i = 1; i < seq.length; i++) {
    const lab = seq[i];
    if (!isLabel(lab) || isLabel(seq[i - 1])) continue;
    const s = seq[i - 1];
    if (p.fallthroughStmts.has(s) || (lab.tok.flags & TF.FallComment) !== 0) continue;
    let j = i, caseLabel = false;
    for (; j < seq.length && isLabel(seq[j]); j++) if (seq[j].kind !== NK.Label) caseLabel = true;
    // (a statement followed by user labels only is left alone)
    // (nor one that runs into labels at the end of the switch: as a break)
    if (!caseLabel || j === seq.length || jumpsFirst(seq[j])) continue;
    const at = falls(s, fs);
    if (at === null) continue;
    const fo = p.fn;
    if (!fo) continue;
    const note = lab.tok;
    p.diag.functionWarning(fo, () => {
      if (p.diag.warning('implicit-fallthrough', { file: at.file, pos: at.pos }, 'this statement may fall through', 'implicit-fallthrough=')) {
        p.diag.note({ file: note.file, pos: note.pos }, 'here');
      }
    });
  }
}

/** The statements and labels of `n` in order, without the ones that make no code. */
function flatten(n: Node, out: Node[], fs: Set<Node>): void {
  switch (n.kind) {
    case NK.Block: for (const s of n.list!) flatten(s, out, fs); return;
    case NK.Case: case NK.Default: case NK.Label: out.push(n); if (n.body) flatten(n.body, out, fs); return;
  }
  if (!makesNothing(n, fs)) out.push(n);
}

/** Does `n` make no code? (`fs`: the `__attribute__((fallthrough));` statements, which count.) */
function makesNothing(n: Node, fs: Set<Node>): boolean {
  if (n.kind === NK.Null) return !fs.has(n);
  if (n.kind === NK.Decl) return !n.obj || !n.obj.init || n.obj.storage === SC.Static || n.obj.storage === SC.Extern;
  if (n.kind === NK.Block) return n.list!.every((s) => makesNothing(s, fs));
  return false;
}

/** The statement after a label run starts with a jump in GIMPLE. */
function jumpsFirst(n: Node): boolean {
  switch (n.kind) {
    case NK.Break: case NK.Continue: case NK.Goto: case NK.ComputedGoto: return true;
    case NK.Return: return n.lhs === null;
    case NK.While: return !isTrue(n.cond);
    case NK.For: return n.init === null && n.cond !== null && !isTrue(n.cond);
  }
  return false;
}

function isTrue(c: Node | null): boolean { return c === null || (c.val !== null && c.val !== 0n); }
function isFalse(c: Node | null): boolean { return c !== null && c.val === 0n; }

/** Where statement `n` falls through (gcc's location), or null if it does not. */
function falls(n: Node, fs: Set<Node>): Token | null {
  switch (n.kind) {
    case NK.Return: case NK.Goto: case NK.ComputedGoto: case NK.Break: case NK.Continue: return null;
    case NK.ExprStmt: return noreturnCall(n.lhs!) ? null : exprTok(n.lhs!, n.tok);
    case NK.Decl: return n.obj?.tok ?? n.tok;
    case NK.Block: {
      const items: Node[] = [];
      for (const s of n.list!) flatten(s, items, fs);
      const last = items[items.length - 1];
      return last === undefined || isLabel(last) ? n.tok : falls(last, fs);
    }
    case NK.Case: case NK.Default: case NK.Label: return n.body ? falls(n.body, fs) : n.tok;
    case NK.If: {
      const ifTok = n.cond ? condParen(n) : n.tok;
      if (makesNothing(n.then!, fs) || falls(n.then!, fs) !== null) return ifTok;
      if (!n.els || makesNothing(n.els, fs)) return ifTok;
      return falls(n.els, fs);
    }
    case NK.While: return isTrue(n.cond) ? null : exprTok(n.cond!, n.cond!.tok);
    case NK.For: return isTrue(n.cond) ? null : exprTok(n.cond!, n.cond!.tok);
    case NK.DoWhile:
      if (isFalse(n.cond)) return makesNothing(n.body!, fs) ? n.tok : falls(n.body!, fs);
      return isTrue(n.cond) ? null : exprTok(n.cond!, n.cond!.tok);
    case NK.Switch: {
      const items: Node[] = [];
      flatten(n.body!, items, fs);
      const last = items[items.length - 1];
      const lastFalls = last === undefined || isLabel(last) ? n.tok : falls(last, fs);
      const hasDefault = n.list!.some((c) => c.kind === NK.Default);
      return lastFalls === null && hasDefault ? null : lastFalls ?? n.tok;
    }
  }
  return n.tok;
}

/** gcc's location of an if: its condition's '(' (the token after `if`). */
function condParen(n: Node): Token {
  const t = n.tok;
  if (t.flags & TF.Expanded) return t;
  const text = t.file.text;
  let i = t.pos + 2;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 10)) i++;
  return text.charCodeAt(i) === 40 ? new Token(t.kind, '(', t.file, i, 0) : t;
}

function noreturnCall(e: Node): boolean {
  let n = e;
  while (n.kind === NK.Cast && n.lhs) n = n.lhs;
  if (n.kind !== NK.Call) return false;
  let f = n.lhs;
  while (f && f.kind === NK.Cast && f.lhs) f = f.lhs;
  if (f && f.kind === NK.Var && f.obj) {
    const o = f.obj;
    if (o.attrs?.noreturn || NORETURN.has(o.name)) return true;
  }
  let ft = n.lhs?.ty ?? null;
  if (ft && ft.kind === TY.Pointer) ft = ft.base;
  return !!ft?.noreturn;
}

/** Where gcc reports expression n: its operator; a call at the function's name. */
function exprTok(n: Node, at: Token): Token {
  switch (n.kind) {
    case NK.Var: case NK.IntConst: case NK.FloatConst: case NK.StrLit: case NK.EnumConst: return at;
    case NK.Call: {
      let f = n.lhs;
      while (f && f.kind === NK.Cast && f.lhs) f = f.lhs;
      return f && f.kind === NK.Var ? f.tok : n.tok;
    }
    case NK.Cast: if (!n.explicit && n.lhs) return exprTok(n.lhs, at);
  }
  return n.tok;
}
