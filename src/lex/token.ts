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
  /** Preceded by a comment that says the code falls through (-Wimplicit-fallthrough=3's patterns). */
  FallComment = 128,
}

export class Token {
  /** For identifiers: the number of the interned name (see nameId in lexer.ts), so that tables of
   *  macros, keywords and bindings are arrays indexed by it; 0 for other tokens. */
  readonly id: number;
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
    /** The name's id when the caller knows it (-1: computed here for identifiers). */
    id = -1,
  ) {
    this.id = id >= 0 ? id : kind === TK.Ident ? nameId(text) : 0;
  }

  is(kind: TK): boolean {
    return this.kind === kind;
  }

  /** A copy with other flags/hideset/origin (for macro expansion). */
  copy(): Token {
    return new Token(this.kind, this.text, this.file, this.pos, this.flags, this.origin, this.id);
  }
}

/** A stream of tokens pulled one at a time (the preprocessor's output); EOF at the end, repeatedly. */
export interface TokenSource {
  token(): Token;
}

export function isPunct(k: TK): boolean {
  return k >= TK.FirstPunct && k <= TK.LastPunct;
}

// ---------------------------------------------------------------------------------------------
// Interned names
//
// Every identifier spelling is interned: one string and one small number (its id, from 1 up) per
// name for the life of the process. The lexer finds a name through a hash it computes while scanning,
// comparing the characters in place, so an identifier seen before costs no new string; the
// preprocessor and the parser keep their per-name tables (macros, keywords, bindings) in arrays
// indexed by the id. The table is open-addressed; the hash is the one hashName computes.

// The table's slot k is table[4k..4k+3] = [hash, id (0: empty), offset in `pool`, length]; `pool` holds
// each name's characters once, one after the other. A lookup thus reads the slot and then the pool
// (two places in memory), never the name's string: with the parser and the preprocessor allocating
// all the while, each of those reads is a cache miss (a lookup read four places before, half its time).
let table = new Int32Array(4 << 14);
let pool = new Uint16Array(1 << 16);
let poolLen = 0;
/** Name of each id (index 0 unused). */
export const NAMES: string[] = [''];

/** The hash of the name src[start, end) (what the lexer computes while scanning). */
export function hashName(src: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + src.charCodeAt(i)) | 0;
  return h;
}

/** The id of the name src[start, end) whose hash is h, interning it if it is new. */
export function internName(src: string, start: number, end: number, h: number): number {
  const tab = table;
  const mask = tab.length - 4;
  const len = end - start;
  for (let k = (h << 2) & mask; ; k = (k + 4) & mask) {
    const id = tab[k + 1];
    if (id === 0) break;
    if (tab[k] === h && tab[k + 3] === len && samePool(tab[k + 2], src, start, len)) return id;
  }
  return addName(start === 0 && end === src.length ? src : src.slice(start, end), h);
}

/** The id of a name given as a string. */
export function nameId(s: string): number {
  return internName(s, 0, s.length, hashName(s, 0, s.length));
}

function samePool(off: number, src: string, start: number, len: number): boolean {
  const p = pool;
  for (let j = 0; j < len; j++) if (p[off + j] !== src.charCodeAt(start + j)) return false;
  return true;
}

function addName(s: string, h: number): number {
  const id = NAMES.length;
  NAMES.push(s);
  const len = s.length;
  if (poolLen + len > pool.length) {
    const old = pool;
    pool = new Uint16Array(Math.max(old.length * 2, poolLen + len));
    pool.set(old.subarray(0, poolLen));
  }
  const off = poolLen;
  for (let j = 0; j < len; j++) pool[off + j] = s.charCodeAt(j);
  poolLen += len;
  if (NAMES.length * 8 > table.length) {
    // grow: rehash every name into a table twice the size (at most half full)
    const old = table;
    table = new Int32Array(old.length * 2);
    for (let k = 0; k < old.length; k += 4) if (old[k + 1] !== 0) place(old[k], old[k + 1], old[k + 2], old[k + 3]);
  }
  place(h, id, off, len);
  return id;
}

function place(h: number, id: number, off: number, len: number): void {
  const tab = table;
  const mask = tab.length - 4;
  let k = (h << 2) & mask;
  while (tab[k + 1] !== 0) k = (k + 4) & mask;
  tab[k] = h;
  tab[k + 1] = id;
  tab[k + 2] = off;
  tab[k + 3] = len;
}
