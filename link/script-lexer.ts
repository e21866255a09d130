/**
 * The linker-script scanner. GNU ld's lexer changes what a "name" is by context: inside an
 * expression `a-b` is a subtraction, while inside an input section description `*crt?.o` and
 * `.text.*` are single names. So the scanner is driven by the parser, which asks for the kind of
 * token it expects: `name()` for expression names, `wild()` for file and section patterns. The
 * state is one position into the text; the parser can save and restore it to look ahead.
 * Comments are C-style block comments (and `//` line comments, which ld also accepts in practice).
 */
import { LinkError } from './error';

const EXPR_FIRST = /[A-Za-z_.$]/;
const EXPR_REST = /[A-Za-z0-9_.$]/;
// Characters of a wildcard / file name token (GNU ld's WILDCHAR set, without ',' and '=').
const WILD = /[A-Za-z0-9_.$/\\~\-+:[\]*?^!]/;

export class ScriptLexer {
  pos = 0;
  constructor(readonly text: string, readonly file: string) {}

  /** Skip blanks and comments. */
  skip(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) { this.pos++; continue; }
      if (c === 47 && t.charCodeAt(this.pos + 1) === 42) {
        const end = t.indexOf('*/', this.pos + 2);
        if (end < 0) this.error('unterminated comment');
        this.pos = end + 2;
        continue;
      }
      if (c === 47 && t.charCodeAt(this.pos + 1) === 47) {
        const end = t.indexOf('\n', this.pos);
        this.pos = end < 0 ? t.length : end;
        continue;
      }
      return;
    }
  }

  atEnd(): boolean { this.skip(); return this.pos >= this.text.length; }

  /** The next character after blanks, or '' at the end. */
  peekChar(): string { this.skip(); return this.text[this.pos] ?? ''; }

  /** True (and consumed) when the text continues with the punctuation `s`. */
  accept(s: string): boolean {
    this.skip();
    if (!this.text.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }

  expect(s: string): void {
    if (!this.accept(s)) this.error(`syntax error (expected '${s}')`);
  }

  /** True (and consumed) when the next expression name is exactly `kw`. */
  acceptKeyword(kw: string): boolean {
    const save = this.pos;
    const n = this.tryName();
    if (n === kw) return true;
    this.pos = save;
    return false;
  }

  /** An expression name (symbol, keyword or `.`), or a quoted string; null when none. */
  tryName(): string | null {
    this.skip();
    const t = this.text;
    if (t[this.pos] === '"') return this.quoted();
    if (!EXPR_FIRST.test(t[this.pos] ?? '')) return null;
    const start = this.pos++;
    while (this.pos < t.length && EXPR_REST.test(t[this.pos])) this.pos++;
    return t.slice(start, this.pos);
  }

  name(): string {
    const n = this.tryName();
    if (n === null) this.error('syntax error (expected a name)');
    return n!;
  }

  /** A file/section name or wildcard pattern, or a quoted string; null when none. */
  tryWild(): string | null {
    this.skip();
    const t = this.text;
    if (t[this.pos] === '"') return this.quoted();
    const start = this.pos;
    while (this.pos < t.length && WILD.test(t[this.pos])) {
      // stop before a comment opener inside a pattern
      if (t[this.pos] === '/' && (t[this.pos + 1] === '*' && this.pos > start && t[this.pos - 1] !== '(')) break;
      this.pos++;
    }
    return this.pos > start ? t.slice(start, this.pos) : null;
  }

  wild(): string {
    const n = this.tryWild();
    if (n === null) this.error('syntax error (expected a file or section name)');
    return n!;
  }

  private quoted(): string {
    const t = this.text;
    const end = t.indexOf('"', this.pos + 1);
    if (end < 0) this.error('unterminated string');
    const s = t.slice(this.pos + 1, end);
    this.pos = end + 1;
    return s;
  }

  /** A number: decimal, 0x hex, 0 octal, trailing h/o/b radix letters and K/M multipliers. */
  /** Hex digits of the last number when it was a plain 0x literal (fill patterns keep them). */
  lastHex: string | undefined;

  tryNumber(): bigint | null {
    this.skip();
    const t = this.text;
    const m = /^(?:\$([0-9a-fA-F]+)|0[xX]([0-9a-fA-F]+)|([0-9][0-9a-fA-F]*)([hHoObBdDxX])?)([KkMm])?(?![A-Za-z0-9_])/.exec(t.slice(this.pos, this.pos + 80));
    if (!m) return null;
    let v: bigint;
    try {
      if (m[1] !== undefined) v = BigInt('0x' + m[1]);
      else if (m[2] !== undefined) v = BigInt('0x' + m[2]);
      else {
        const digits = m[3];
        const radixLetter = (m[4] ?? '').toLowerCase();
        if (radixLetter === 'h' || radixLetter === 'x') v = BigInt('0x' + digits);
        else if (radixLetter === 'o') v = BigInt('0o' + digits);
        else if (radixLetter === 'b') v = BigInt('0b' + digits);
        else if (radixLetter === 'd') v = BigInt(digits);
        else if (/^0[0-7]+$/.test(digits)) v = BigInt('0o' + digits.slice(1));
        else v = BigInt(digits);
      }
    } catch {
      this.error(`invalid number '${m[0]}'`);
    }
    this.lastHex = m[2] !== undefined && !m[5] ? m[2] : undefined;
    const mult = (m[5] ?? '').toLowerCase();
    if (mult === 'k') v! *= 1024n;
    else if (mult === 'm') v! *= 1024n * 1024n;
    this.pos += m[0].length;
    return v!;
  }

  /** The 1-based line of a position (computed only for messages). */
  lineOf(pos = this.pos): number {
    let line = 1;
    for (let i = 0; i < pos && i < this.text.length; i++) if (this.text.charCodeAt(i) === 10) line++;
    return line;
  }

  error(msg: string, pos = this.pos): never {
    throw new LinkError(`${this.file}:${this.lineOf(pos)}: ${msg}`);
  }
}
