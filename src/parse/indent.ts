// -Wmisleading-indentation (-Wall): an if, else, while or for whose body is one statement, followed by a
// statement indented as if the guard covered it too:
//
//   if (flag)
//     foo ();
//     bar ();     <- "...this statement, but the latter is misleadingly indented as if it were guarded by the 'if'"
//
// gcc 12's heuristics (c-family/c-indentation.cc), on three tokens: the guard, the body's first token and
// the token after the body. Columns are visual (tabs to multiples of 8). No warning when the body is a
// block, the next token is '}', ';' or `else`, an `else if`, two of the three come from one macro
// expansion (a token of an expansion counts where the macro was invoked) or the next statement is in
// another file. Body and next statement on one line: a warning when the guard
// is on an earlier line, or on the same line as the first thing on it. Next statement on a later line:
// a warning when it is aligned with the body (for an empty body `;` after a comment, indented beyond
// the guard's line), unless the guard is at that column too (for `else`: its line's first non-blank)
// or the body is left of the guard's line,
// text precedes the next statement on its line, or a line between them is indented less (an
// "unindent"); and for `guard ... ;` on one line, when the next statement is indented beyond the
// guard's line (or is a '{' at its column).

import { TK, Token } from '../lex/token';
import { Parser } from './state';

/** Offset of the start of the line holding `pos`. */
function lineStart(text: string, pos: number): number {
  const i = text.lastIndexOf('\n', pos - 1);
  return i + 1;
}

/** Visual column (1-based, tabs to 8) of `pos`, and of the first non-blank character on its line. */
function visual(text: string, pos: number): { col: number; first: number } {
  const ls = lineStart(text, pos);
  let col = 1, first = -1;
  for (let i = ls; i < pos; i++) {
    const c = text.charCodeAt(i);
    if (first < 0 && c !== 32 && c !== 9) first = col;
    col = c === 9 ? col + 8 - ((col - 1) % 8) : col + 1;
  }
  return { col, first: first < 0 ? col : first };
}

/** A line strictly between the lines of `from` and `to` (not blank) starts left of `col`. */
function unindentBetween(text: string, from: number, to: number, col: number): boolean {
  let i = text.indexOf('\n', from);
  const end = lineStart(text, to);
  while (i >= 0 && i + 1 < end) {
    let j = i + 1, c = 1;
    for (; j < end; j++) {
      const ch = text.charCodeAt(j);
      if (ch === 32) c++;
      else if (ch === 9) c = c + 8 - ((c - 1) % 8);
      else break;
    }
    const ch = text.charCodeAt(j);
    if (j < end && ch !== 10 && ch !== 13 && c < col) return true;
    i = text.indexOf('\n', i + 1);
  }
  return false;
}

/** Checks guard `guard` (if/else/while/for) whose body starts at `body`, followed by `next`. */
export function checkIndentation(p: Parser, guard: Token, body: Token, next: Token): void {
  if (body.kind === TK.LBrace || next.kind === TK.RBrace || next.kind === TK.Semi || next.kind === TK.EOF) return;
  const kw = guard.text;
  if (next.kind === TK.Ident && next.text === 'else') return;
  if (kw === 'else' && body.kind === TK.Ident && body.text === 'if') return;
  // tokens from macro expansions count where the macro was invoked; not two from one expansion
  const go = guard.origin, bo = body.origin, no = next.origin;
  if ((bo !== null && (bo === no || bo === go)) || (go !== null && go === no)) return;
  const g = go ?? guard, b = bo ?? body, n = no ?? next;
  if (n.file !== b.file || g.file !== b.file) return;
  const text = b.file.text;
  const gl = lineStart(text, g.pos), bl = lineStart(text, b.pos), nl = lineStart(text, n.pos);
  if (!warns(text, kw, g, b, n, gl, bl, nl, body.kind === TK.Semi)) return;
  if (p.warn('misleading-indentation', guard, `this '${kw}' clause does not guard...`)) {
    p.note(next, `...this statement, but the latter is misleadingly indented as if it were guarded by the '${kw}'`);
  }
}

function warns(text: string, kw: string, guard: Token, body: Token, next: Token, gl: number, bl: number, nl: number, semi: boolean): boolean {
  if (nl === bl) {
    if (gl < bl) return true;
    const g = visual(text, guard.pos);
    return g.col === g.first;
  }
  if (nl < bl) return false;
  const n = visual(text, next.pos), b = visual(text, body.pos), g = visual(text, guard.pos);
  if (n.first < n.col) return false;
  if ((!semi && n.col === b.col) || (semi && bl > gl && b.first !== b.col && n.col > g.first)) {
    const guardCol = kw === 'else' ? g.first : g.col;
    if (guardCol === b.col || b.col < g.first) return false;
    if (unindentBetween(text, body.pos, next.pos, Math.min(n.col, b.col))) return false;
    return true;
  }
  if (semi && bl === gl && (n.col > g.first || (next.kind === TK.LBrace && n.col === g.first))) return true;
  return false;
}
