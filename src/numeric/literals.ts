// Integer and floating constants (C17 6.4.4.1, 6.4.4.2) with gcc's extensions and gcc's messages.
//
// Integer constants: decimal, octal, hex and (gcc) binary 0b; suffixes u, l, ll in either order, and
// (gcc) one i or j anywhere in the suffix for an imaginary constant. The value is taken modulo 2^64
// as gcc's preprocessor does (with "integer constant is too large for its type"), then the type is the
// first of C's list that holds it, the list running on to __int128 where the target has it; a decimal
// constant above LLONG_MAX becomes __int128 (or long long without it) with gcc's warning.
//
// Floating constants: decimal and hex, suffixes f F l L, gcc's d D q Q w W, the C23 / TS 18661-3
// names f32 f64 f128 f32x f64x, and one i or j before or after the suffix. Values are rounded once,
// exactly (decimal.ts). Common double and float constants take a fast, still exact path through
// JavaScript's Number parsing: ECMAScript requires correct rounding for up to 20 significant digits.

import type { FloatFormat, IntLimits, IntTypeName } from './index';
import { FORMATS } from './softfloat';
import { roundDecimal, roundHex, clampExp, numberToF64 } from './decimal';

// ---------------------------------------------------------------------------------------------------
// Integer constants

const SUFFIX_RE = /^(?:([uU]?)(l|L|ll|LL)?|(l|L|ll|LL)([uU]))$/;

export type IntResult = { value: bigint; type: IntTypeName; imaginary: boolean; overflow: boolean; warning?: string } | { error: string };

/** Does this pp-number spell a floating constant (a '.', or an exponent e/E, p/P for hex)? */
export function isFloatText(text: string): boolean {
  const hex = text.length > 1 && text[0] === '0' && (text[1] === 'x' || text[1] === 'X');
  if (text.indexOf('.') >= 0) return true;
  if (hex) return /[pP]/.test(text);
  // decimal/octal: e or E after the leading digits (not inside a suffix such as "1ul")
  const m = /^[0-9]*[eE]/.exec(text);
  return m !== null;
}

export function parseInteger(text: string, lim: IntLimits & { int128?: boolean }): IntResult {
  let radix = 10, i = 0, digitsEnd: number;
  const n = text.length;
  if (text[0] === '0' && (text[1] === 'x' || text[1] === 'X')) {
    radix = 16; i = 2;
    digitsEnd = scanWhile(text, i, isHex);
    if (digitsEnd === i) return { error: `invalid suffix "${text.slice(1)}" on integer constant` };
  } else if (text[0] === '0' && (text[1] === 'b' || text[1] === 'B')) {
    radix = 2; i = 2;
    digitsEnd = scanWhile(text, i, isDec);
    if (digitsEnd === i) return { error: `invalid suffix "${text.slice(1)}" on integer constant` };
    for (let k = i; k < digitsEnd; k++) if (text[k] > '1') return { error: `invalid digit "${text[k]}" in binary constant` };
  } else if (text[0] === '0') {
    radix = 8; i = 1;
    digitsEnd = scanWhile(text, i, isDec);
    for (let k = i; k < digitsEnd; k++) if (text[k] > '7') return { error: `invalid digit "${text[k]}" in octal constant` };
  } else {
    digitsEnd = scanWhile(text, 0, isDec);
    if (digitsEnd === 0) return { error: `invalid integer constant "${text}"` };
  }
  // suffix
  let suffix = text.slice(digitsEnd, n);
  let imaginary = false;
  if (suffix.length) {
    const lower = suffix.toLowerCase();
    if (lower === 'wb' || lower === 'uwb' || lower === 'wbu') return { error: `_BitInt constants (suffix "${suffix}") are not supported` };
    const im = suffix.search(/[ij]/);
    if (im >= 0) {
      imaginary = true;
      suffix = suffix.slice(0, im) + suffix.slice(im + 1);
    }
  }
  const sm = SUFFIX_RE.exec(suffix);
  if (!sm || /[ij]/.test(suffix)) return { error: `invalid suffix "${text.slice(digitsEnd)}" on integer constant` };
  const unsigned = !!(sm[1] || sm[4]);
  const lsuf = (sm[2] || sm[3] || '').length; // 0, 1 (l) or 2 (ll)

  let value = digitsValue(text, radix, radix === 10 ? 0 : i, digitsEnd);
  let overflow = false;
  let warning: string | undefined;
  if (value > 0xffffffffffffffffn) {
    overflow = true;
    value &= 0xffffffffffffffffn;
    warning = 'integer constant is too large for its type';
  }
  const type = chooseType(value, radix === 10, unsigned, lsuf, lim);
  if (!unsigned && radix === 10 && value > 0x7fffffffffffffffn && !warning) warning = 'integer constant is so large that it is unsigned';
  const r: IntResult = { value, type, imaginary, overflow };
  if (warning) r.warning = warning;
  return r;
}

function isDec(c: number): boolean { return c >= 48 && c <= 57; }
function isHex(c: number): boolean { return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102); }
function scanWhile(s: string, i: number, f: (c: number) => boolean): number {
  while (i < s.length && f(s.charCodeAt(i))) i++;
  return i;
}

function digitsValue(text: string, radix: number, start: number, end: number): bigint {
  if (radix === 10 && end - start <= 15) return BigInt(parseInt(text.slice(start, end), 10));
  if (radix === 10) return BigInt(text.slice(start, end));
  if (radix === 8) return end - start === 0 ? 0n : BigInt('0o' + text.slice(start, end));
  return BigInt((radix === 16 ? '0x' : '0b') + text.slice(start, end));
}

const SIGNED_ORDER: IntTypeName[] = ['int', 'long', 'long long', '__int128'];
const ALL_ORDER: IntTypeName[] = ['int', 'unsigned int', 'long', 'unsigned long', 'long long', 'unsigned long long', '__int128', 'unsigned __int128'];
const UNSIGNED_ORDER: IntTypeName[] = ['unsigned int', 'unsigned long', 'unsigned long long', 'unsigned __int128'];

function typeBits(t: IntTypeName, lim: IntLimits): number {
  switch (t) {
    case 'int': case 'unsigned int': return lim.intBits;
    case 'long': case 'unsigned long': return lim.longBits;
    case 'long long': case 'unsigned long long': return lim.longLongBits;
    default: return 128;
  }
}

/** C17 6.4.4.1p6's table, extended by gcc to the 128-bit types. */
function chooseType(value: bigint, decimal: boolean, unsigned: boolean, lsuf: number, lim: IntLimits & { int128?: boolean }): IntTypeName {
  const has128 = lim.int128 ?? lim.longBits === 64;
  const list = unsigned ? UNSIGNED_ORDER : decimal ? SIGNED_ORDER : ALL_ORDER;
  for (const t of list) {
    if (t.includes('__int128') && !has128) break;
    const rank = t.includes('long long') ? 2 : t.includes('long') ? 1 : t.includes('__int128') ? 3 : 0;
    if (rank < lsuf) continue;
    const bits = typeBits(t, lim);
    const max = t.startsWith('unsigned') ? (1n << BigInt(bits)) - 1n : (1n << BigInt(bits - 1)) - 1n;
    if (value <= max) return t;
  }
  // no type holds it: gcc's widest literal type of the signedness
  return unsigned ? 'unsigned long long' : 'long long';
}

// ---------------------------------------------------------------------------------------------------
// Floating constants

export type FloatResult = { format: FloatFormat; suffix: string; bits: bigint; imaginary: boolean; warning?: string } | { error: string };

/** C type names, for the range warnings. */
const SUFFIX_TYPE: Record<string, string> = {
  '': 'double', d: 'double', f: 'float', l: 'long double', f32: '_Float32', f64: '_Float64', f128: '_Float128',
  f32x: '_Float32x', f64x: '_Float64x', q: '__float128', w: '__float80',
};

function suffixFormat(s: string, longDouble: FloatFormat): FloatFormat | undefined {
  switch (s) {
    case '': case 'd': case 'f64': case 'f32x': return 'f64';
    case 'f': case 'f32': return 'f32';
    case 'l': return longDouble;
    case 'f128': case 'q': return 'f128';
    case 'w': return 'x87';
    case 'f64x': return longDouble === 'f64' ? 'f128' : longDouble;
  }
  return undefined;
}

const DEC_RE = /^([0-9]*)(?:\.([0-9]*))?(?:([eE])([+-]?)([0-9]*))?/;
const HEX_RE = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:([pP])([+-]?)([0-9]*))?/;

export function parseFloat_(text: string, longDouble: FloatFormat): FloatResult {
  const hex = text[0] === '0' && (text[1] === 'x' || text[1] === 'X');
  if (text[0] === '0' && (text[1] === 'b' || text[1] === 'B')) return { error: 'invalid prefix "0b" for floating constant' };
  const m = (hex ? HEX_RE : DEC_RE).exec(text)!;
  const ip = m[1], fp = m[2] ?? '';
  if (hex && ip.length + fp.length === 0) return { error: 'no digits in hexadecimal floating constant' };
  if (!hex && ip.length + fp.length === 0) return { error: `invalid floating constant "${text}"` };
  if (m[3] !== undefined && m[5] === '') return { error: 'exponent has no digits' };
  if (hex && m[3] === undefined) return { error: 'hexadecimal floating constants require an exponent' };

  // suffix, with at most one i/j before or after it
  const rawSuffix = text.slice(m[0].length);
  let suffix = rawSuffix;
  let imaginary = false;
  if (/^[ij]/.test(suffix)) { imaginary = true; suffix = suffix.slice(1); }
  else if (/[ij]$/.test(suffix)) { imaginary = true; suffix = suffix.slice(0, -1); }
  const norm = /^[fF](32|64|128)x?$/.test(suffix) ? 'f' + suffix.slice(1) : suffix.toLowerCase();
  if (/^(df|dd|dl)$/.test(norm) && /^(df|dd|dl|DF|DD|DL)$/.test(suffix)) return { error: 'decimal floating constants are not supported' };
  if (norm === 'f16' || norm === 'bf16') return { error: `unsupported suffix "${suffix}" on floating constant` };
  const okSpelling = /^([fFlLdDqQwW]?|[fF](32|64|128|32x|64x))$/.test(suffix);
  const format = okSpelling ? suffixFormat(norm, longDouble) : undefined;
  if (format === undefined) return { error: `invalid suffix "${rawSuffix}" on floating constant` };

  const F = FORMATS[format];
  let bits: bigint;
  let nonzero: boolean;
  if (hex) {
    const H = BigInt('0x' + (ip + fp || '0'));
    nonzero = H !== 0n;
    const e = m[3] !== undefined ? clampExp(m[4] + m[5]) : 0;
    bits = roundHex(0, H, e - 4 * fp.length, F);
  } else {
    const e = m[3] !== undefined ? clampExp(m[4] + m[5]) : 0;
    const fast = format === 'f64' || format === 'f32' ? fastDecimal(ip, fp, e, format) : undefined;
    nonzero = /[1-9]/.test(ip) || /[1-9]/.test(fp);
    bits = fast ?? roundDecimal(0, BigInt(ip + fp || '0'), e - fp.length, F);
  }
  const r: FloatResult = { format, suffix: norm, bits, imaginary };
  const expField = (bits >> BigInt(F.fracBits)) & F.expMax;
  if (expField === F.expMax) r.warning = `floating constant exceeds range of '${SUFFIX_TYPE[norm]}'`;
  else if (nonzero && bits === 0n) r.warning = 'floating constant truncated to zero';
  return r;
}

const f32buf = new Float32Array(1);
const u32buf = new Uint32Array(f32buf.buffer);
const f64b = new Float64Array(1);
const u32of64 = new Uint32Array(f64b.buffer);

/** Number-based parse when it is provably exact: up to 20 significant digits (ECMAScript rounds those
 * correctly); for float, also not on a float rounding midpoint (no double-rounding error then). */
function fastDecimal(ip: string, fp: string, e: number, format: 'f32' | 'f64'): bigint | undefined {
  let a = 0, b = ip.length + fp.length;
  const digit = (k: number) => (k < ip.length ? ip.charCodeAt(k) : fp.charCodeAt(k - ip.length));
  while (a < b && digit(a) === 48) a++;
  while (b > a && digit(b - 1) === 48) b--;
  if (b - a > 20 || Math.abs(e) > 400) return undefined;
  const d = Number((ip || '0') + '.' + fp + 'e' + e);
  if (format === 'f64') return numberToF64(d);
  const ad = Math.abs(d);
  if (ad === 0 || ad === Infinity) return numberToF64(d) === 0n ? 0n : 0x7f800000n;
  if (!(ad >= 1.1754943508222875e-38 && ad < 1.7014118346046923e38)) return undefined; // [2^-126, 2^127)
  f64b[0] = d;
  if ((u32of64[0] & 0x1fffffff) === 0x10000000) return undefined;   // a float midpoint: go exact
  f32buf[0] = d;
  return BigInt(u32buf[0]);
}
