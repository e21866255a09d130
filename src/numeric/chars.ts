// Character constants and string literals (C17 6.4.4.4, 6.4.5), as gcc reads them.
//
// A literal's body is decoded into code units of its encoding: bytes for plain and u8 (the execution
// character set is UTF-8), UTF-16 units for u, code points for L and U (wchar_t is 32 bits on every
// target cc-ts knows). A source character becomes its encoding in those units; a numeric escape
// (\ooo, \xhh) is one unit as written, truncated to the unit width with a warning when too big; a
// universal character name (\u, \U) is a code point and is encoded like a source character.
//
// Adjacent string literals (translation phase 6): the result takes the one encoding prefix among the
// parts (plain parts adopt it), and every part is decoded in that encoding, so "\xff" L"" makes a
// wide unit 0xff, as in gcc. Two different prefixes are an error.

import type { Encoding } from './index';

export interface Warn { message: string; offset: number }
export interface CharsError { error: string; offset: number }

/** Returns the encoding and the index of the opening quote. */
export function splitPrefix(text: string): { enc: Encoding; quote: number } | undefined {
  const c0 = text.charCodeAt(0);
  if (c0 === 34 || c0 === 39) return { enc: 'char', quote: 0 };
  if (c0 === 76 /* L */) return { enc: 'wchar', quote: 1 };
  if (c0 === 85 /* U */) return { enc: 'char32', quote: 1 };
  if (c0 === 117 /* u */) return text.charCodeAt(1) === 56 /* 8 */ ? { enc: 'utf8', quote: 2 } : { enc: 'char16', quote: 1 };
  return undefined;
}

/** -fshort-wchar: wchar_t is a 16-bit unsigned type and L literals are UTF-16 (set per unit by the parser). */
let wchar16 = false;
export function setShortWchar(on: boolean): void {
  wchar16 = on;
}

function unitBits(enc: Encoding): number {
  return enc === 'char' || enc === 'utf8' ? 8 : enc === 'char16' || (enc === 'wchar' && wchar16) ? 16 : 32;
}

/** Appends code point cp in encoding enc. */
function pushCodePoint(cp: number, enc: Encoding, out: number[]): void {
  if ((enc === 'wchar' && !wchar16) || enc === 'char32') { out.push(cp); return; }
  if (enc === 'char16' || enc === 'wchar') {
    if (cp < 0x10000) out.push(cp);
    else { const v = cp - 0x10000; out.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff)); }
    return;
  }
  if (cp < 0x80) out.push(cp);
  else if (cp >= 0xdc80 && cp <= 0xdcff) out.push(cp - 0xdc00); // a raw byte of a non-UTF-8 source (diag/source.ts RAW_BYTE)
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
}

const SIMPLE_ESCAPES: Record<string, number> = {
  n: 10, t: 9, v: 11, b: 8, r: 13, f: 12, a: 7, '\\': 92, '?': 63, "'": 39, '"': 34, e: 27, E: 27,
};

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/**
 * Decodes text[start, end) (a literal's body without its quotes) into units of `enc`, appending to
 * `out`. Returns an error, or undefined; warnings are appended to `warns`. Offsets are into `text`.
 */
export function decodeBody(text: string, start: number, end: number, enc: Encoding, out: number[], warns: Warn[]): CharsError | undefined {
  const bits = unitBits(enc);
  const limit = bits === 32 ? 0x100000000 : 1 << bits;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== 92 /* \ */) {
      if (c < 0x80) { out.push(c); i++; continue; }
      const cp = text.codePointAt(i)!;
      pushCodePoint(cp, enc, out);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const at = i;
    const e = text[i + 1];
    if (e === undefined || i + 1 >= end) return { error: 'missing escape character after \\', offset: at };
    i += 2;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) { out.push(simple); continue; }
    const ec = e.charCodeAt(0);
    if (ec >= 48 && ec <= 55) {
      // octal: up to three digits
      let v = ec - 48, n = 1;
      while (n < 3 && i < end && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 55) { v = v * 8 + text.charCodeAt(i) - 48; i++; n++; }
      if (v >= limit) { warns.push({ message: 'octal escape sequence out of range', offset: at }); v %= limit; }
      out.push(v);
      continue;
    }
    if (e === 'x') {
      let v = 0, n = 0, over = false;
      while (i < end && hexVal(text.charCodeAt(i)) >= 0) {
        v = v * 16 + hexVal(text.charCodeAt(i));
        if (v >= limit) { over = true; v %= limit; }
        i++; n++;
      }
      if (n === 0) return { error: '\\x used with no following hex digits', offset: at };
      if (over) warns.push({ message: 'hex escape sequence out of range', offset: at });
      out.push(v);
      continue;
    }
    if (e === 'u' || e === 'U') {
      const want = e === 'u' ? 4 : 8;
      let v = 0, n = 0;
      while (n < want && i < end && hexVal(text.charCodeAt(i)) >= 0) { v = v * 16 + hexVal(text.charCodeAt(i)); i++; n++; }
      const spelled = text.slice(at, i);
      if (n < want) return { error: `incomplete universal character name ${spelled}`, offset: at };
      if ((v < 0xa0 && v !== 0x24 && v !== 0x40 && v !== 0x60) || (v >= 0xd800 && v <= 0xdfff)) {
        return { error: `${spelled} is not a valid universal character`, offset: at };
      }
      if (v > 0x10ffff) warns.push({ message: `${spelled} is outside the UCS codespace`, offset: at });
      pushCodePoint(v, enc, out);
      continue;
    }
    // unknown escape: gcc warns (except for \( \{ \[ \%, accepted silently) and keeps the character
    const cp = text.codePointAt(i - 1)!;
    if (cp !== 40 && cp !== 123 && cp !== 91 && cp !== 37) warns.push({ message: `unknown escape sequence: '\\${String.fromCodePoint(cp)}'`, offset: at });
    pushCodePoint(cp, enc, out);
    if (cp > 0xffff) i++;
  }
  return undefined;
}

/** Checks the quotes of a literal and returns its body bounds. */
function body(text: string, quote: number, q: string): { start: number; end: number } | CharsError {
  if (text[quote] !== q) return { error: `malformed ${q === '"' ? 'string literal' : 'character constant'}`, offset: 0 };
  if (text.length < quote + 2 || text[text.length - 1] !== q) {
    return { error: `missing terminating ${q} character`, offset: quote };
  }
  return { start: quote + 1, end: text.length - 1 };
}

export function concat(parts: string[]): { encoding: Encoding; units: number[]; warnings?: Warn[] } | { error: string; part: number; offset: number } {
  let enc: Encoding = 'char';
  const quotes: number[] = [];
  for (let p = 0; p < parts.length; p++) {
    const pre = splitPrefix(parts[p]);
    if (!pre) return { error: 'not a string literal', part: p, offset: 0 };
    quotes.push(pre.quote);
    if (pre.enc === 'char') continue;
    if (enc === 'char') enc = pre.enc;
    else if (enc !== pre.enc) return { error: 'unsupported non-standard concatenation of string literals', part: p, offset: 0 };
  }
  const units: number[] = [];
  const warns: Warn[] = [];
  for (let p = 0; p < parts.length; p++) {
    const b = body(parts[p], quotes[p], '"');
    if ('error' in b) return { error: b.error, part: p, offset: b.offset };
    const before = warns.length;
    const err = decodeBody(parts[p], b.start, b.end, enc, units, warns);
    if (err) return { error: err.error, part: p, offset: err.offset };
    for (let w = before; w < warns.length; w++) (warns[w] as Warn & { part?: number }).part = p;
  }
  return warns.length ? { encoding: enc, units, warnings: warns } : { encoding: enc, units };
}

export function charConstant(text: string, charSigned: boolean, wcharSigned: boolean): { value: bigint; encoding: Encoding; multichar: boolean; warning?: string } | CharsError {
  const pre = splitPrefix(text);
  if (!pre) return { error: 'not a character constant', offset: 0 };
  const b = body(text, pre.quote, "'");
  if ('error' in b) return b;
  const enc = pre.enc;
  const units: number[] = [];
  const warns: Warn[] = [];
  const err = decodeBody(text, b.start, b.end, enc, units, warns);
  if (err) return err;
  const n = units.length;
  if (n === 0) return { error: 'empty character constant', offset: 0 };
  let value: number;
  const multichar = n > 1;
  if (enc === 'char') {
    if (n > 4) warns.push({ message: 'character constant too long for its type', offset: 0 });
    else if (n > 1) warns.push({ message: 'multi-character character constant', offset: 0 });
    if (n === 1) value = charSigned && units[0] >= 128 ? units[0] - 256 : units[0];
    else { let v = 0; for (const u of units) v = ((v << 8) | u) | 0; value = v; }
  } else {
    // one unit fills the type; gcc keeps the last unit of a longer constant
    if (n > 1) warns.push({ message: 'character constant too long for its type', offset: 0 });
    const u = units[n - 1];
    value = enc === 'wchar' && wcharSigned && !wchar16 ? u | 0 : u;
  }
  const r: { value: bigint; encoding: Encoding; multichar: boolean; warning?: string } = { value: BigInt(value), encoding: enc, multichar };
  if (warns.length) r.warning = warns[0].message;
  return r;
}
