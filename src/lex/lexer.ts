// The lexer: translation phase 3. Turns a file's spliced text into preprocessing tokens.
//
// It keeps its state in a cursor (offset and pending flags) and builds one Token object per token,
// nothing per character.
// Comments become white space (the next token gets TF.Space). Newlines are not tokens: the first token
// of each line carries TF.BOL, which is all the preprocessor needs to find directives.

import { SourceFile } from '../diag/source';
import { Diagnostics } from '../diag/diagnostics';
import { TK, TF, Token, PUNCT_TEXT, NAMES, internName } from './token';

// character classes
const C_ID_START = 1, C_DIGIT = 2, C_SPACE = 4, C_ID = C_ID_START | C_DIGIT;
const clsC = new Uint8Array(128);
const cls = clsC;
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_$]/.test(ch)) cls[c] = C_ID_START;
  else if (/[0-9]/.test(ch)) cls[c] = C_DIGIT;
  else if (c === 32 || c === 9 || c === 11 || c === 12 || c === 13) cls[c] = C_SPACE;
}

/** The same classes with '$' not an identifier character (assembler-with-cpp, as in gcc). */
const clsNoDollar = cls.slice();
clsNoDollar[36] = 0;

function isIdChar(c: number): boolean {
  return c < 128 ? (cls[c] & C_ID) !== 0 : c !== 0xfeff && !isUnicodeSpace(c);
}
function isIdStart(c: number): boolean {
  return c < 128 ? (cls[c] & C_ID_START) !== 0 : c !== 0xfeff && !isUnicodeSpace(c);
}
function isUnicodeSpace(c: number): boolean {
  return c === 0xa0 || c === 0x2028 || c === 0x2029 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000;
}

// -Wimplicit-fallthrough=3's comments (gcc's manual): the whole comment is one of
//   -fallthrough | @fallthrough@ | lint -fallthrough[ \t]*
//   [ \t.!]*(ELSE,? |INTENTIONAL(LY)? )?FALL(S | |-)?THR(OUGH|U)[ \t.!]*(-[^\n\r]*)?
//   [ \t.!]*(Else,? |Intentional(ly)? )?Fall((s | |-)[Tt]|t)hr(ough|u)[ \t.!]*(-[^\n\r]*)?
//   [ \t.!]*([Ee]lse,? |[Ii]ntentional(ly)? )?fall(s | |-)?thr(ough|u)[ \t.!]*(-[^\n\r]*)?
// Matched in place (sticky, from the comment's opening), so a comment costs no string.
const FALL_COMMENT = new RegExp('(?:-fallthrough|@fallthrough@|lint -fallthrough[ \\t]*|[ \\t.!]*(?:' +
  '(?:ELSE,? |INTENTIONAL(?:LY)? )?FALL(?:S | |-)?THR(?:OUGH|U)|(?:Else,? |Intentional(?:ly)? )?Fall(?:(?:s | |-)[Tt]|t)hr(?:ough|u)|' +
  '(?:[Ee]lse,? |[Ii]ntentional(?:ly)? )?fall(?:s | |-)?thr(?:ough|u))[ \\t.!]*(?:-[^\\n\\r]*?)?)(?=\\*/|\\r?\\n|$)', 'y');

/** Is the comment [start, end) (from its '/') a fall-through comment? */
function fallComment(src: string, start: number, end: number): boolean {
  const block = src.charCodeAt(start + 1) === 42;
  FALL_COMMENT.lastIndex = start + 2;
  if (!FALL_COMMENT.test(src)) return false;
  const e = FALL_COMMENT.lastIndex;
  return block ? e === end - 2 : e === end || (e === end - 1 && src.charCodeAt(e) === 13);
}

export interface LexOptions {
  /** Is '$' an identifier character (gcc: yes). */
  dollarIdents?: boolean;
  /** Keep going after errors; the preprocessor decides what is fatal. */
  diag: Diagnostics;
}

/**
 * A cursor over a file's text that produces one token per call of next(): the preprocessor pulls
 * tokens as it needs them, so no file is ever held as a token array. The state is the offset `i`
 * and the flags (`BOL`, `Space`) gathered for the next token; rewind(t) puts the cursor back
 * just before a token it produced. After the end, next() keeps returning the same EOF token.
 */
export class Lexer {
  /** Offset of the next character to look at. */
  i: number;
  /** Flags for the next token (TF.BOL, TF.Space). */
  flags: number;
  private readonly src: string;
  private readonly sys: number;
  private readonly cls: Uint8Array;
  private eof: Token | null = null;
  /** Look for fall-through comments (-Wimplicit-fallthrough). */
  private readonly fallComments: boolean;

  constructor(readonly file: SourceFile, readonly diag: Diagnostics, start = 0, readonly end = file.text.length,
              firstFlags: number = TF.BOL, dollarIdents = true) {
    this.src = file.text;
    this.i = start;
    this.flags = firstFlags;
    this.sys = file.system ? TF.System : 0;
    this.cls = dollarIdents ? clsC : clsNoDollar;
    this.fallComments = diag.isEnabled('implicit-fallthrough');
  }

  /** Lex again from just before `t` (a token this lexer produced). */
  rewind(t: Token): void {
    this.i = t.pos;
    this.flags = t.flags & (TF.BOL | TF.Space | TF.FallComment);
    this.eof = null;
  }

  /** Where a comment starting at `i` (a '/') ends: after its '*' '/' or at its newline (a // comment
   *  keeps the newline for the caller); `i` itself when no comment starts there. */
  private commentEnd(i: number): number {
    const src = this.src, end = this.end;
    const d = src.charCodeAt(i + 1);
    if (d === 47) {
      const nl = src.indexOf('\n', i + 2);
      return nl < 0 || nl > end ? end : nl;
    }
    if (d !== 42) return i;
    const close = src.indexOf('*/', i + 2);
    if (close < 0 || close + 2 > end) {
      this.diag.error({ file: this.file, pos: i }, 'unterminated comment');
      return end;
    }
    return close + 2;
  }

  next(): Token {
    const src = this.src, end = this.end, cls = this.cls;
    let i = this.i;
    let flags = this.flags;
    while (i < end) {
      const c = src.charCodeAt(i);
      // white space and newlines
      if (c === 10) { i++; flags = TF.BOL | (flags & TF.FallComment); continue; }
      if (c < 128 && cls[c] === C_SPACE) { i++; flags |= TF.Space; continue; }
      if (c === 47 /* / */) {
        const after = this.commentEnd(i);
        if (after !== i) {
          if (this.fallComments && fallComment(src, i, after)) flags |= TF.FallComment;
          i = after; flags |= TF.Space; continue;
        }
      }
      const startPos = i;
      let kind: TK;
      if (c < 128 ? cls[c] === C_ID_START : isIdStart(c)) {
        // identifier, or a prefixed character/string literal
        if ((c === 76 /* L */ || c === 85 /* U */ || c === 117 /* u */)) {
          // (arithmetic that runs for every such identifier: a u8 prefix first met late must not deoptimise)
          const j = i + 1 + (c === 117 && src.charCodeAt(i + 1) === 56 /* 8 */ ? 1 : 0);
          const q = src.charCodeAt(j);
          if (q === 34 || q === 39) {
            i = scanQuoted(src, j, end, q);
            return this.make(q === 34 ? TK.String : TK.Char, src.slice(startPos, i), startPos, i, flags);
          }
        }
        // the common case: ASCII letters, digits and '_' (hashed on the way for interning)
        let h = c;
        i++;
        for (; i < end; i++) {
          const d = src.charCodeAt(i);
          if (d >= 128 || (cls[d] & C_ID) === 0) break;
          h = (Math.imul(h, 31) + d) | 0;
        }
        const d = i < end ? src.charCodeAt(i) : 0;
        if (!(d === 92 || d >= 128)) {
          const id = internName(src, startPos, i, h);
          this.i = i;
          this.flags = 0;
          return new Token(TK.Ident, NAMES[id], this.file, startPos, flags | this.sys, null, id);
        }
        while (i < end) {
          const d = src.charCodeAt(i);
          if (d < 128 ? (cls[d] & C_ID) !== 0 : isIdChar(d)) i++;
          else if (d === 92 /* \ */ && (src.charCodeAt(i + 1) === 117 || src.charCodeAt(i + 1) === 85)) {
            const j = scanUcn(src, i, end);
            if (badUcn(src, i, j)) flags |= TF.BadUcn;
            i = j;
          } else break;
        }
        kind = TK.Ident;
      } else if (c < 128 && cls[c] === C_DIGIT || (c === 46 && (cls[src.charCodeAt(i + 1) & 127] === C_DIGIT && src.charCodeAt(i + 1) < 128))) {
        i = scanPPNumber(src, i + 1, end);
        kind = TK.Number;
      } else if (c === 34 || c === 39) {
        i = scanQuoted(src, i, end, c);
        kind = c === 34 ? TK.String : TK.Char;
      } else if (c === 92 && (src.charCodeAt(i + 1) === 117 || src.charCodeAt(i + 1) === 85)) {
        i = scanUcn(src, i, end);
        if (badUcn(src, startPos, i)) flags |= TF.BadUcn;
        while (i < end) {
          const d = src.charCodeAt(i);
          if (d < 128 ? (cls[d] & C_ID) !== 0 : isIdChar(d)) i++;
          else if (d === 92 && (src.charCodeAt(i + 1) === 117 || src.charCodeAt(i + 1) === 85)) {
            const j = scanUcn(src, i, end);
            if (badUcn(src, i, j)) flags |= TF.BadUcn;
            i = j;
          } else break;
        }
        kind = TK.Ident;
      } else {
        const r = scanPunct(src, i, end);
        if (r === 0) {
          // a stray character (a surrogate pair stays one token)
          i += c >= 0xd800 && c < 0xdc00 ? 2 : 1;
          kind = TK.Other;
        } else {
          kind = r;
          i += punctLen;
          // share the canonical spelling (no string per punctuator) unless it is a digraph
          const canon = PUNCT_TEXT[kind];
          if (canon.length === i - startPos && src.charCodeAt(startPos) === canon.charCodeAt(0)) {
            return this.make(kind, canon, startPos, i, flags);
          }
        }
      }
      return this.make(kind, src.slice(startPos, i), startPos, i, flags);
    }
    this.i = i;
    this.flags = flags;
    if (this.eof === null) this.eof = new Token(TK.EOF, '', this.file, end, flags | TF.BOL | this.sys);
    return this.eof;
  }

  /**
   * Skip text in a conditional group that is not taken, making no tokens: returns the next '#' that
   * starts a line (the caller reads the directive's name), or EOF. Comments and quoted literals are
   * still recognised; with `quotes`, an unterminated literal is given to `unterminated` as a token.
   */
  skipToHash(quotes: boolean, unterminated: (t: Token) => void): Token {
    const src = this.src, end = this.end;
    let i = this.i;
    let bol = (this.flags & TF.BOL) !== 0;
    while (i < end) {
      const c = src.charCodeAt(i);
      if (c === 10) { i++; bol = true; continue; }
      if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) { i++; continue; }
      if (c === 47 /* / */) {
        const after = this.commentEnd(i);
        if (after !== i) { i = after; continue; }
      }
      if (bol && (c === 35 /* # */ || (c === 37 /* % */ && src.charCodeAt(i + 1) === 58 /* : */))) {
        this.i = i;
        this.flags = TF.BOL;
        return this.next();
      }
      bol = false;
      if (c === 34 || c === 39) {
        const j = scanQuoted(src, i, end, c);
        if (quotes && (j - 1 <= i || src.charCodeAt(j - 1) !== c || src.charCodeAt(j - 2) === 92)) {
          // (a literal that does not end in an unescaped-looking quote: let isTerminated decide)
          const t = new Token(c === 34 ? TK.String : TK.Char, src.slice(i, j), this.file, i, this.sys);
          if (!isTerminated(t)) unterminated(t);
        }
        i = j;
        continue;
      }
      // inside a line only a newline, a comment or a quote matters: pass the rest in a tight loop
      for (i++; i < end; i++) {
        const d = src.charCodeAt(i);
        if (d === 10 || d === 47 || d === 34 || d === 39) break;
      }
    }
    this.i = i;
    this.flags = bol ? TF.BOL : 0;
    return this.next();
  }

  /**
   * Skip the rest of the current line as text, making no tokens (a directive line in a skipped group):
   * comments, which may span lines, and quoted literals are passed as next() would; the cursor is
   * left at the start of the next line (or at the end).
   */
  skipLine(): void {
    const src = this.src, end = this.end;
    let i = this.i;
    while (i < end) {
      const c = src.charCodeAt(i);
      if (c === 10) { i++; break; }
      if (c === 47 /* / */) {
        const after = this.commentEnd(i);
        if (after !== i) { i = after; continue; }
      } else if (c === 34 || c === 39) {
        i = scanQuoted(src, i, end, c);
        continue;
      }
      i++;
    }
    this.i = i;
    this.flags = TF.BOL;
    this.eof = null;
  }

  private make(kind: TK, text: string, startPos: number, i: number, flags: number): Token {
    this.i = i;
    this.flags = 0;
    return new Token(kind, text, this.file, startPos, flags | this.sys);
  }
}

/**
 * Lex `file.text` from `start` to `end` (default: whole file) into an array that ends with an EOF
 * token. `firstFlags` is given to the first token (TF.BOL for a fresh file).
 */
export function lex(file: SourceFile, diag: Diagnostics, start = 0, end = file.text.length, firstFlags: number = TF.BOL,
                    dollarIdents = true): Token[] {
  const lx = new Lexer(file, diag, start, end, firstFlags, dollarIdents);
  const out: Token[] = [];
  for (;;) {
    const t = lx.next();
    out.push(t);
    if (t.kind === TK.EOF) return out;
  }
}

/** Returns the end of a pp-number whose first character is before `i`. */
function scanPPNumber(src: string, i: number, end: number): number {
  while (i < end) {
    const c = src.charCodeAt(i);
    if ((c === 43 || c === 45) /* + - */) {
      const p = src.charCodeAt(i - 1) | 0x20; // lower-case previous
      if (p === 101 || p === 112) { i++; continue; } // e+ e- p+ p-
      break;
    }
    if (c < 128 ? (cls[c] & C_ID) !== 0 || c === 46 : isIdChar(c)) { i++; continue; }
    if (c === 39 /* ' digit separator (C23) */ && i + 1 < end && src.charCodeAt(i + 1) < 128 && (cls[src.charCodeAt(i + 1)] & C_ID) !== 0) {
      // gcc (C2x) treats 1'000 as one pp-number; in older modes the quote starts a char constant.
      break;
    }
    if (c === 92 && (src.charCodeAt(i + 1) === 117 || src.charCodeAt(i + 1) === 85)) { i = scanUcn(src, i, end); continue; }
    break;
  }
  return i;
}

function scanUcn(src: string, i: number, end: number): number {
  const n = src.charCodeAt(i + 1) === 117 ? 4 : 8;
  let j = i + 2;
  while (j < end && j < i + 2 + n && /[0-9a-fA-F]/.test(src[j])) j++;
  return j;
}

/** C99 6.4.3p2: a UCN may not name a basic character (other than $ @ `) or a surrogate. */
function badUcn(src: string, i: number, j: number): boolean {
  const n = src.charCodeAt(i + 1) === 117 ? 4 : 8;
  if (j - i !== n + 2) return false;
  const v = parseInt(src.slice(i + 2, j), 16);
  return (v < 0xa0 && v !== 0x24 && v !== 0x40 && v !== 0x60) || (v >= 0xd800 && v <= 0xdfff);
}

/** Scan a quoted literal starting at the quote `i`; returns the offset after the closing quote. */
function scanQuoted(src: string, i: number, end: number, q: number): number {
  let j = i + 1;
  while (j < end) {
    const c = src.charCodeAt(j);
    if (c === q) return j + 1;
    if (c === 10) break;
    if (c === 92) j += 2; else j++;
  }
  // gcc: a lone quote is a "missing terminating" warning in skipped code, an error when it reaches the parser.
  // The preprocessor reports it (it knows whether the code is skipped); lex the rest of the line as this token.
  if (j > end) j = end;
  return j;
}

/** The length of the punctuator scanPunct found last. */
let punctLen = 0;

/** Longest punctuator at i: returns its kind (its length in punctLen), or 0. Digraphs map to their
 *  equivalents. (No calls nor arithmetic in the cases: a case first met after V8 has optimised the
 *  function then needs no type feedback it lacks, which would deoptimise it.) */
function scanPunct(src: string, i: number, end: number): TK | 0 {
  const c = src.charCodeAt(i);
  const d = i + 1 < end ? src.charCodeAt(i + 1) : 0;
  const e = i + 2 < end ? src.charCodeAt(i + 2) : 0;
  switch (c) {
    case 91: return (punctLen = 1, TK.LBracket);
    case 93: return (punctLen = 1, TK.RBracket);
    case 40: return (punctLen = 1, TK.LParen);
    case 41: return (punctLen = 1, TK.RParen);
    case 123: return (punctLen = 1, TK.LBrace);
    case 125: return (punctLen = 1, TK.RBrace);
    case 46: return d === 46 && e === 46 ? (punctLen = 3, TK.Ellipsis) : (punctLen = 1, TK.Dot);
    case 45: return d === 62 ? (punctLen = 2, TK.Arrow) : d === 45 ? (punctLen = 2, TK.Dec) : d === 61 ? (punctLen = 2, TK.SubAssign) : (punctLen = 1, TK.Minus);
    case 43: return d === 43 ? (punctLen = 2, TK.Inc) : d === 61 ? (punctLen = 2, TK.AddAssign) : (punctLen = 1, TK.Plus);
    case 38: return d === 38 ? (punctLen = 2, TK.AndAnd) : d === 61 ? (punctLen = 2, TK.AndAssign) : (punctLen = 1, TK.Amp);
    case 42: return d === 61 ? (punctLen = 2, TK.MulAssign) : (punctLen = 1, TK.Star);
    case 126: return (punctLen = 1, TK.Tilde);
    case 33: return d === 61 ? (punctLen = 2, TK.Ne) : (punctLen = 1, TK.Not);
    case 47: return d === 61 ? (punctLen = 2, TK.DivAssign) : (punctLen = 1, TK.Slash);
    case 37: // % %= %> %: %:%:
      if (d === 61) return (punctLen = 2, TK.ModAssign);
      if (d === 62) return (punctLen = 2, TK.RBrace);
      if (d === 58) {
        if (e === 37 && src.charCodeAt(i + 3) === 58 && i + 3 < end) return (punctLen = 4, TK.HashHash);
        return (punctLen = 2, TK.Hash);
      }
      return (punctLen = 1, TK.Percent);
    case 60: // < << <<= <= <: <%
      if (d === 60) return e === 61 ? (punctLen = 3, TK.ShlAssign) : (punctLen = 2, TK.Shl);
      if (d === 61) return (punctLen = 2, TK.Le);
      if (d === 58) return (punctLen = 2, TK.LBracket);
      if (d === 37) return (punctLen = 2, TK.LBrace);
      return (punctLen = 1, TK.Lt);
    case 62:
      if (d === 62) return e === 61 ? (punctLen = 3, TK.ShrAssign) : (punctLen = 2, TK.Shr);
      if (d === 61) return (punctLen = 2, TK.Ge);
      return (punctLen = 1, TK.Gt);
    case 61: return d === 61 ? (punctLen = 2, TK.EqEq) : (punctLen = 1, TK.Assign);
    case 94: return d === 61 ? (punctLen = 2, TK.XorAssign) : (punctLen = 1, TK.Caret);
    case 124: return d === 124 ? (punctLen = 2, TK.OrOr) : d === 61 ? (punctLen = 2, TK.OrAssign) : (punctLen = 1, TK.Pipe);
    case 63: return (punctLen = 1, TK.Question);
    case 58: return d === 62 ? (punctLen = 2, TK.RBracket) : (punctLen = 1, TK.Colon); // "::" is a C23 token; the parser joins ":" ":" there
    case 59: return (punctLen = 1, TK.Semi);
    case 44: return (punctLen = 1, TK.Comma);
    case 35: return d === 35 ? (punctLen = 2, TK.HashHash) : (punctLen = 1, TK.Hash);
  }
  return 0;
}


/** Is a quoted token complete (has its closing quote)? */
export function isTerminated(t: Token): boolean {
  const s = t.text;
  const q = t.kind === TK.String ? '"' : "'";
  const open = s.indexOf(q);
  if (s.length < open + 2 || s[s.length - 1] !== q) return false;
  // the last quote must not be escaped
  let bs = 0;
  for (let k = s.length - 2; k > open && s[k] === '\\'; k--) bs++;
  return bs % 2 === 0;
}
