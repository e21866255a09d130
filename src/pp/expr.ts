// #if expression evaluation (C17 6.10.1).
//
// The preprocessor hands over the directive's tokens after macro expansion, with `defined X` and the
// __has_* operators already replaced by 0 or 1. Every value is an intmax_t or a uintmax_t (64 bits on
// all our targets), kept as a BigInt with an `unsigned` flag. The usual arithmetic conversions apply:
// if either operand is unsigned both are. Remaining identifiers are 0. Division by zero is an error
// only where the operand is evaluated (the right of a false `&&` is not).

import { Diagnostics } from '../diag/diagnostics';
import { TK, Token, PUNCT_TEXT } from '../lex/token';
import { TargetLayout } from '../../targets/layout';

interface Val { v: bigint; u: boolean }

const MASK = (1n << 64n) - 1n;
const norm = (x: Val): Val => ({ v: x.u ? x.v & MASK : BigInt.asIntN(64, x.v), u: x.u });

/** Binary operator precedence (higher binds tighter); 0: not a binary operator. */
const PREC: Partial<Record<TK, number>> = {
  [TK.Star]: 10, [TK.Slash]: 10, [TK.Percent]: 10, [TK.Plus]: 9, [TK.Minus]: 9, [TK.Shl]: 8, [TK.Shr]: 8,
  [TK.Lt]: 7, [TK.Gt]: 7, [TK.Le]: 7, [TK.Ge]: 7, [TK.EqEq]: 6, [TK.Ne]: 6, [TK.Amp]: 5, [TK.Caret]: 4,
  [TK.Pipe]: 3, [TK.AndAnd]: 2, [TK.OrOr]: 1,
};

class ExprError extends Error {}

export class IfEvaluator {
  private toks: Token[] = [];
  private i = 0;
  /** Nesting of unevaluated operands (errors such as division by zero are not reported there). */
  private skip = 0;

  constructor(private diag: Diagnostics, private target: TargetLayout, private directive: Token) {}

  /** Evaluate; reports errors and returns false on an invalid expression. */
  evaluate(toks: Token[], dirName: string): boolean {
    this.toks = toks;
    this.i = 0;
    if (toks.length === 0) {
      this.diag.error(this.directive, `#${dirName} with no expression`);
      return false;
    }
    try {
      const v = this.comma();
      if (this.i < toks.length) {
        const t = toks[this.i];
        if (t.kind === TK.RParen) this.fail(t, "missing '(' in expression");
        if (t.kind === TK.Colon) this.fail(t, "':' without preceding '?'");
        this.failSpelled(t, `missing binary operator before token "${spell(t)}"`);
      }
      return v.v !== 0n;
    } catch (e) {
      if (e instanceof ExprError) return false;
      throw e;
    }
  }

  /** An error about the token itself: gcc reports it where it was spelled (in a #define for an expanded one). */
  private failSpelled(t: Token, msg: string): never {
    this.diag.error(t, msg);
    throw new ExprError(msg);
  }

  private fail(t: Token | null, msg: string): never {
    this.diag.error(t ? t.origin ?? t : this.directive, msg);
    throw new ExprError(msg);
  }

  private peek(): Token | null {
    return this.i < this.toks.length ? this.toks[this.i] : null;
  }

  private comma(): Val {
    let v = this.cond();
    while (this.peek()?.kind === TK.Comma) {
      const t = this.toks[this.i++];
      if (this.skip === 0) this.diag.pedwarn(null, t.origin ?? t, 'comma operator in operand of #if');
      v = this.cond();
    }
    return v;
  }

  private cond(): Val {
    const c = this.binary(1);
    const q = this.peek();
    if (q?.kind !== TK.Question) return c;
    this.i++;
    const take = c.v !== 0n;
    if (!take) this.skip++;
    const a = this.comma();
    if (!take) this.skip--;
    if (this.peek()?.kind !== TK.Colon) this.fail(this.peek() ?? q, "'?' without following ':'");
    this.i++;
    if (take) this.skip++;
    const b = this.cond();
    if (take) this.skip--;
    const u = a.u || b.u;
    return norm({ v: take ? a.v : b.v, u });
  }

  private binary(minPrec: number): Val {
    let lhs = this.unary();
    for (;;) {
      const op = this.peek();
      const p = op ? PREC[op.kind] ?? 0 : 0;
      if (p === 0 || p < minPrec) return lhs;
      this.i++;
      if (op!.kind === TK.AndAnd || op!.kind === TK.OrOr) {
        const short = op!.kind === TK.AndAnd ? lhs.v === 0n : lhs.v !== 0n;
        if (short) this.skip++;
        if (this.peek() === null) this.fail(op, `operator '${op!.text}' has no right operand`);
        const rhs = this.binary(p + 1);
        if (short) this.skip--;
        const r = op!.kind === TK.AndAnd ? lhs.v !== 0n && rhs.v !== 0n : lhs.v !== 0n || rhs.v !== 0n;
        lhs = { v: r ? 1n : 0n, u: false };
        continue;
      }
      if (this.peek() === null) this.fail(op, `operator '${op!.text}' has no right operand`);
      const rhs = this.binary(p + 1);
      lhs = this.apply(op!, lhs, rhs);
    }
  }

  private apply(op: Token, a: Val, b: Val): Val {
    const u = a.u || b.u;
    let x = a.v, y = b.v;
    if (u) { x &= MASK; y &= MASK; }
    switch (op.kind) {
      case TK.Star: return this.checked(op, x * y, u);
      case TK.Slash:
      case TK.Percent:
        if (y === 0n) {
          if (this.skip === 0) this.fail(op, 'division by zero in #if');
          return { v: 0n, u };
        }
        return this.checked(op, op.kind === TK.Slash ? x / y : x % y, u);
      case TK.Plus: return this.checked(op, x + y, u);
      case TK.Minus: return this.checked(op, x - y, u);
      case TK.Shl: case TK.Shr: {
        // the result has the left operand's type; a negative count shifts the other way (gcc)
        let left = op.kind === TK.Shl;
        let n = b.u ? b.v & MASK : b.v;
        if (n < 0n) { left = !left; n = -n; }
        const lu = a.u;
        let v = lu ? a.v & MASK : a.v;
        if (left) v = n >= 64n ? 0n : v << n;
        else v = n >= 64n ? (v < 0n ? -1n : 0n) : v >> n;
        return norm({ v, u: lu });
      }
      case TK.Lt: return bool(x < y);
      case TK.Gt: return bool(x > y);
      case TK.Le: return bool(x <= y);
      case TK.Ge: return bool(x >= y);
      case TK.EqEq: return bool(x === y);
      case TK.Ne: return bool(x !== y);
      case TK.Amp: return norm({ v: x & y, u });
      case TK.Caret: return norm({ v: x ^ y, u });
      case TK.Pipe: return norm({ v: x | y, u });
    }
    return this.failSpelled(op!, `token "${spell(op)}" is not valid in preprocessor expressions`);
  }

  private checked(op: Token, v: bigint, u: boolean): Val {
    const r = norm({ v, u });
    if (!u && r.v !== v && this.skip === 0) this.diag.pedwarn('overflow', op.origin ?? op, 'integer overflow in preprocessor expression');
    return r;
  }

  private unary(): Val {
    const t = this.peek();
    if (t === null) {
      const prev = this.toks[this.i - 1];
      if (prev && prev.kind === TK.LParen) this.fail(prev, "missing expression between '(' and ')'");
      if (prev) this.fail(prev, `operator '${spell(prev)}' has no right operand`);
      this.fail(null, '#if with no expression');
    }
    this.i++;
    switch (t.kind) {
      case TK.Plus: return this.unary();
      case TK.Minus: { const v = this.unary(); return this.checked(t, -(v.u ? v.v & MASK : v.v), v.u); }
      case TK.Tilde: { const v = this.unary(); return norm({ v: ~v.v, u: v.u }); }
      case TK.Not: { const v = this.unary(); return bool(v.v === 0n); }
      case TK.LParen: {
        if (this.peek()?.kind === TK.RParen) this.fail(t, "missing expression between '(' and ')'");
        const v = this.comma();
        if (this.peek()?.kind !== TK.RParen) this.fail(this.peek() ?? t, "missing ')' in expression");
        this.i++;
        return v;
      }
      case TK.Number: return this.number(t);
      case TK.Char: return this.charConst(t);
      case TK.Ident: return { v: 0n, u: false };
      case TK.String: return this.failSpelled(t, `token "${t.text}" is not valid in preprocessor expressions`);
    }
    if (t.kind === TK.RParen) {
      const prev = this.toks[this.i - 2];
      if (prev && prev.kind === TK.LParen) this.fail(prev, "missing expression between '(' and ')'");
    }
    if (t.kind === TK.Colon) this.fail(t, "':' without preceding '?'");
    if (PREC[t.kind]) {
      const prev = this.toks[this.i - 2];
      if (!prev) this.fail(t, `operator '${spell(t)}' has no left operand`);
    }
    return this.failSpelled(t, `token "${spell(t)}" is not valid in preprocessor expressions`);
  }

  private number(t: Token): Val {
    // the common case, a short decimal without suffix (`defined` gives 0 or 1): no regular expressions
    const txt = t.text;
    if (txt.length <= 15 && (txt.length === 1 || txt.charCodeAt(0) !== 48 /* 0 */) && allDigits(txt)) {
      return { v: BigInt(Number(txt)), u: false };
    }
    const s = t.text.replace(/'/g, '');
    const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)([a-zA-Z_]*)$/.exec(s);
    if (!m) {
      if (/^[0-9.]/.test(s) && (/[.]/.test(s) || /^[0-9]+[eE]/.test(s) || /^0[xX].*[pP]/.test(s))) {
        this.failSpelled(t, 'floating constant in preprocessor expression');
      }
      const suffix = /^(0[xX][0-9a-fA-F]*|[0-9]*)(.*)$/.exec(s)![2];
      this.failSpelled(t, `invalid suffix "${suffix}" on integer constant`);
    }
    const digits = m[1], suf = m[2].toLowerCase();
    if (!/^(u?(l|ll)?|(l|ll)u|wb|uwb|wbu)$/.test(suf)) {
      if (/^[0-9]+[eE]/.test(s)) this.failSpelled(t, 'floating constant in preprocessor expression');
      this.failSpelled(t, `invalid suffix "${m[2]}" on integer constant`);
    }
    let v: bigint;
    if (/^0[bB]/.test(digits)) v = BigInt(digits);
    else if (/^0[xX]/.test(digits)) v = BigInt(digits);
    else if (digits.length > 1 && digits[0] === '0') {
      if (/[89]/.test(digits)) this.failSpelled(t, `invalid digit "${/[89]/.exec(digits)![0]}" in octal constant`);
      v = BigInt('0o' + digits.slice(1));
    } else v = BigInt(digits);
    let u = suf.includes('u');
    if (v > MASK) {
      this.diag.pedwarn(null, t.origin ?? t, 'integer constant is too large for its type');
      v &= MASK;
    }
    if (!u && v > (MASK >> 1n)) {
      // a decimal constant that does not fit intmax_t is unsigned (gcc warns); hex/octal silently
      if (!/^0/.test(digits)) this.diag.warning(null, t.origin ?? t, 'integer constant is so large that it is unsigned');
      u = true;
    }
    return { v, u };
  }

  private charConst(t: Token): Val {
    const s = t.text;
    const q = s.indexOf("'");
    const prefix = s.slice(0, q);
    const body = s.slice(q + 1, s.endsWith("'") && s.length > q + 1 ? -1 : undefined);
    const chars = decodeChars(body);
    if (chars.length === 0) this.fail(t, 'empty character constant');
    let width = 8, signed = this.target.charSigned;
    if (prefix === 'L') { width = this.target.shortWchar ? 16 : 32; signed = this.target.wcharSigned && !this.target.shortWchar; }
    else if (prefix === 'u') { width = 16; signed = false; }
    else if (prefix === 'U') { width = 32; signed = false; }
    else if (prefix === 'u8') { width = 8; signed = false; }
    if (prefix === '') {
      if (chars.length === 1) {
        const c = BigInt(chars[0] & 0xff);
        return { v: signed ? BigInt.asIntN(8, c) : c, u: false };
      }
      // multi-character constant: an int built from the chars (gcc), warned about
      this.diag.warning('multichar', t.origin ?? t, 'multi-character character constant');
      let v = 0n;
      for (const c of chars) v = (v << 8n) | BigInt(c & 0xff);
      return { v: BigInt.asIntN(32, v), u: false };
    }
    const c = BigInt(chars[chars.length - 1]) & ((1n << BigInt(width)) - 1n);
    return { v: signed ? BigInt.asIntN(width, c) : c, u: false };
  }
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function bool(b: boolean): Val {
  return { v: b ? 1n : 0n, u: false };
}

function spell(t: Token): string {
  return t.kind >= TK.FirstPunct ? PUNCT_TEXT[t.kind] === t.text ? t.text : t.text : t.text;
}

const ESC: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27, '\\': 92, "'": 39, '"': 34, '?': 63 };

/** Code points (or byte values for \x and octal escapes) of a character constant's body. */
export function decodeChars(body: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < body.length;) {
    const c = body[i];
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      if (cp < 0x80) out.push(cp);
      else if (cp >= 0xdc80 && cp <= 0xdcff) out.push(cp - 0xdc00); // a raw byte of a non-UTF-8 source (diag/source.ts)
      else for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) out.push(b);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const d = body[i + 1];
    if (d === 'x') {
      let j = i + 2;
      while (j < body.length && /[0-9a-fA-F]/.test(body[j])) j++;
      out.push(parseInt(body.slice(i + 2, j) || '0', 16));
      i = j;
    } else if (d >= '0' && d <= '7') {
      let j = i + 1;
      while (j < body.length && j < i + 4 && body[j] >= '0' && body[j] <= '7') j++;
      out.push(parseInt(body.slice(i + 1, j), 8));
      i = j;
    } else if (d === 'u' || d === 'U') {
      const n = d === 'u' ? 4 : 8;
      out.push(parseInt(body.slice(i + 2, i + 2 + n), 16));
      i += 2 + n;
    } else {
      out.push(ESC[d] ?? d.charCodeAt(0));
      i += 2;
    }
  }
  return out;
}
