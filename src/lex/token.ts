// Preprocessing tokens: what the lexer produces, the preprocessor rewrites and the parser consumes.
//
// A token records its kind, its spelling, where it was spelled (file and offset in the file's spliced
// text) and a few flags. Punctuator kinds are numbered so that each punctuator is its own kind (digraphs
// share the kind of the punctuator they stand for and keep their spelling in `text`).

import { SourceFile } from '../diag/source';

export const enum TK {
  EOF = 0,
  Ident,
  Number,   // a pp-number
  Char,     // character constant with its prefix: 'a' L'a' u'a' U'a' u8'a'
  String,   // string literal with its prefix
  Other,    // any other single character (stray '@', '\\', '$' when not an identifier char, ...)
  HeaderName, // <...> in #include context only
  Pragma,   // a #pragma or _Pragma that reaches the parser: text is the pragma body
  // punctuators
  FirstPunct,
  LBracket = FirstPunct, RBracket, LParen, RParen, LBrace, RBrace, Dot, Arrow,
  Inc, Dec, Amp, Star, Plus, Minus, Tilde, Not, Slash, Percent, Shl, Shr,
  Lt, Gt, Le, Ge, EqEq, Ne, Caret, Pipe, AndAnd, OrOr, Question, Colon, ColonColon, Semi, Ellipsis,
  Assign, MulAssign, DivAssign, ModAssign, AddAssign, SubAssign, ShlAssign, ShrAssign, AndAssign,
  XorAssign, OrAssign, Comma, Hash, HashHash,
  LastPunct = HashHash,
}

/** Canonical spelling of each punctuator kind. */
export const PUNCT_TEXT: readonly string[] = (() => {
  const t: string[] = [];
  const list: [TK, string][] = [
    [TK.LBracket, '['], [TK.RBracket, ']'], [TK.LParen, '('], [TK.RParen, ')'], [TK.LBrace, '{'],
    [TK.RBrace, '}'], [TK.Dot, '.'], [TK.Arrow, '->'], [TK.Inc, '++'], [TK.Dec, '--'], [TK.Amp, '&'],
    [TK.Star, '*'], [TK.Plus, '+'], [TK.Minus, '-'], [TK.Tilde, '~'], [TK.Not, '!'], [TK.Slash, '/'],
    [TK.Percent, '%'], [TK.Shl, '<<'], [TK.Shr, '>>'], [TK.Lt, '<'], [TK.Gt, '>'], [TK.Le, '<='],
    [TK.Ge, '>='], [TK.EqEq, '=='], [TK.Ne, '!='], [TK.Caret, '^'], [TK.Pipe, '|'], [TK.AndAnd, '&&'],
    [TK.OrOr, '||'], [TK.Question, '?'], [TK.Colon, ':'], [TK.ColonColon, '::'], [TK.Semi, ';'],
    [TK.Ellipsis, '...'], [TK.Assign, '='], [TK.MulAssign, '*='], [TK.DivAssign, '/='],
    [TK.ModAssign, '%='], [TK.AddAssign, '+='], [TK.SubAssign, '-='], [TK.ShlAssign, '<<='],
    [TK.ShrAssign, '>>='], [TK.AndAssign, '&='], [TK.XorAssign, '^='], [TK.OrAssign, '|='],
    [TK.Comma, ','], [TK.Hash, '#'], [TK.HashHash, '##'],
  ];
  for (const [k, s] of list) t[k] = s;
  return t;
})();

export const enum TF {
  /** First token on its line (a '#' here starts a directive). */
  BOL = 1,
  /** Preceded by white space or a comment. */
  Space = 2,
  /** An identifier painted blue: it names a macro that must never expand here (C17 6.10.3.4p2). */
  NoExpand = 4,
  /** Produced by macro expansion. */
  Expanded = 8,
  /** Came from a system header (warnings are suppressed). */
  System = 16,
  /** A TK.Pragma token that stands for #ident/#sccs: text is the string literal, printed as `#ident "..."`. */
  IdentDirective = 32,
  /** An identifier with a UCN that names a basic character or a surrogate (reported if it is not skipped). */
  BadUcn = 64,
}

export class Token {
  constructor(
    public kind: TK,
    /** Spelling as written (for identifiers, the name). */
    public text: string,
    /** File the token was spelled in. */
    public file: SourceFile,
    /** Offset in file.text. */
    public pos: number,
    public flags: number,
    /** For tokens produced by a macro expansion: the token of the macro invocation (outermost). */
    public origin: Token | null = null,
  ) {}

  is(kind: TK): boolean {
    return this.kind === kind;
  }

  /** A copy with other flags/hideset/origin (for macro expansion). */
  copy(): Token {
    return new Token(this.kind, this.text, this.file, this.pos, this.flags, this.origin);
  }
}

/** A stream of tokens pulled one at a time (the preprocessor's output); EOF at the end, repeatedly. */
export interface TokenSource {
  token(): Token;
}

export function isPunct(k: TK): boolean {
  return k >= TK.FirstPunct && k <= TK.LastPunct;
}
