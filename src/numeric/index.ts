// Exact numeric work for the C front end and the code generator: integer, floating, character and
// string constants, and soft-float arithmetic on bit patterns in the four floating formats cc-ts
// targets use. Pure functions, no state. See README.md.

import { FORMATS, add, sub, mul, div, negate, compare, convert, fromInt, toInt, unpack, Cls } from './softfloat';
import { parseNumeral, toShortestString, f64ToNumber, numberToF64 } from './decimal';
import { parseInteger, parseFloat_, isFloatText } from './literals';
import { concat, charConstant } from './chars';

export type IntTypeName = 'int' | 'unsigned int' | 'long' | 'unsigned long' | 'long long' | 'unsigned long long' | '__int128' | 'unsigned __int128';
/** 32/64/64 on LP64, 32/32/64 on ILP32. `int128` (default: longBits === 64) says whether the target
 * has __int128, which gcc uses for decimal constants above LLONG_MAX. */
export interface IntLimits { intBits: number; longBits: number; longLongBits: number; int128?: boolean }
/** f32, f64: IEEE binary32/64; x87: 80-bit extended (explicit integer bit); f128: IEEE binary128. */
export type FloatFormat = 'f32' | 'f64' | 'x87' | 'f128';
/** '' u8 L u U prefixes. */
export type Encoding = 'char' | 'utf8' | 'wchar' | 'char16' | 'char32';
/** A warning found while decoding a literal; offset into the token's text (part: which token). */
export interface LiteralWarning { message: string; offset: number; part?: number }

/**
 * An integer constant (C17 6.4.4.1 and gcc's 0b, i/j). `value` is the constant's value modulo 2^64
 * (as gcc's preprocessor keeps it), non-negative; convert it to `type` (a decimal constant above
 * LLONG_MAX on a target without __int128 gets type long long and so wraps). `overflow`: the written
 * value did not fit in 64 bits. `warning`: gcc's warning text, if any.
 */
export function parseIntegerLiteral(text: string, lim: IntLimits): { value: bigint; type: IntTypeName; imaginary: boolean; overflow: boolean; warning?: string } | { error: string } {
  return parseInteger(text, lim);
}

/**
 * A floating constant (C17 6.4.4.2 and gcc's suffixes). `suffix` is normalised to lower case without
 * the imaginary i/j: '' f l d q w f32 f64 f128 f32x f64x (the caller picks the C type from it).
 * `warning`: "floating constant exceeds range of 'T'" / "floating constant truncated to zero".
 */
export function parseFloatLiteral(text: string, longDouble: FloatFormat): { format: FloatFormat; suffix: string; bits: bigint; imaginary: boolean; warning?: string } | { error: string } {
  return parseFloat_(text, longDouble);
}

/** Is this pp-number a floating constant (has '.', or an exponent: e/E, or p/P after 0x)? */
export function isFloatLiteral(text: string): boolean {
  return isFloatText(text);
}

/**
 * Exact rounding (to nearest, ties to even) of a numeral to a format's bit pattern. Accepts decimal
 * ("1.5e-3", "-2", ".5"), hex ("0x1.8p3", "0x10"), "inf", "nan", with an optional sign; no suffix.
 * Throws on other text.
 */
export function roundToFormat(decimalOrHex: string, fmt: FloatFormat): bigint {
  const r = parseNumeral(decimalOrHex, FORMATS[fmt]);
  if (r === undefined) throw new Error(`roundToFormat: not a numeral: "${decimalOrHex}"`);
  return r;
}

export function fAdd(a: bigint, b: bigint, fmt: FloatFormat): bigint { return add(a, b, FORMATS[fmt]); }
export function fSub(a: bigint, b: bigint, fmt: FloatFormat): bigint { return sub(a, b, FORMATS[fmt]); }
export function fMul(a: bigint, b: bigint, fmt: FloatFormat): bigint { return mul(a, b, FORMATS[fmt]); }
export function fDiv(a: bigint, b: bigint, fmt: FloatFormat): bigint { return div(a, b, FORMATS[fmt]); }
/** Flips the sign bit (also of NaNs), as C's unary minus does. */
export function fNeg(a: bigint, fmt: FloatFormat): bigint { return negate(a, FORMATS[fmt]); }
/** -1, 0, 1, or undefined when unordered (a NaN operand). -0 equals +0. */
export function fCompare(a: bigint, b: bigint, fmt: FloatFormat): -1 | 0 | 1 | undefined { return compare(a, b, FORMATS[fmt]); }
export function fConvert(a: bigint, from: FloatFormat, to: FloatFormat): bigint {
  return from === to ? a : convert(a, FORMATS[from], FORMATS[to]);
}
/** Any integer (signed bigint) to the nearest value of the format. */
export function fFromInt(v: bigint, fmt: FloatFormat): bigint { return fromInt(v, FORMATS[fmt]); }
/** Truncation toward zero to an integer of `bits` bits; undefined when out of range, NaN or infinite. */
export function fToInt(a: bigint, fmt: FloatFormat, bits: number, signed: boolean): bigint | undefined {
  return toInt(a, FORMATS[fmt], bits, signed);
}
/** The nearest double (exact for f32 and f64). */
export function fToNumber(a: bigint, fmt: FloatFormat): number {
  return f64ToNumber(fmt === 'f64' ? a : convert(a, FORMATS[fmt], FORMATS.f64));
}
export function fFromNumber(x: number, fmt: FloatFormat): bigint {
  const b = numberToF64(x);
  return fmt === 'f64' ? b : convert(b, FORMATS.f64, FORMATS[fmt]);
}
export function fIsZero(a: bigint, fmt: FloatFormat): boolean { return unpack(a, FORMATS[fmt]).cls === Cls.Zero; }
/** True for NaNs, and for the x87 encodings the hardware treats as invalid operands. */
export function fIsNaN(a: bigint, fmt: FloatFormat): boolean { return unpack(a, FORMATS[fmt]).cls === Cls.NaN; }
export function fIsInf(a: bigint, fmt: FloatFormat): boolean { return unpack(a, FORMATS[fmt]).cls === Cls.Inf; }
/** Sign bit set (also for -0 and negative NaNs). */
export function fSignBit(a: bigint, fmt: FloatFormat): boolean { return ((a >> BigInt(FORMATS[fmt].total - 1)) & 1n) === 1n; }
/** Width of the format's encoding in bits (32, 64, 80, 128). */
export function fBits(fmt: FloatFormat): number { return FORMATS[fmt].total; }

/**
 * Shortest decimal that reads back (roundToFormat) to the same bits, written the way JavaScript's
 * Number toString writes numbers: "1.5", "100", "1e+300", "1.2e-7", "-0"; "inf", "-inf", "nan", "-nan".
 */
export function fToString(a: bigint, fmt: FloatFormat): string {
  return toShortestString(a, FORMATS[fmt], fmt === 'f64');
}

/**
 * A string literal token (prefix and quotes included) decoded into code units of its encoding: bytes
 * for char and utf8, UTF-16 units for char16, code points for wchar and char32. The terminating null
 * is not included. `offset` of an error is into `text`.
 */
export function decodeString(text: string): { encoding: Encoding; units: number[]; warnings?: LiteralWarning[] } | { error: string; offset: number } {
  const r = concat([text]);
  if ('error' in r) return { error: r.error, offset: r.offset };
  return r;
}

/**
 * A character constant token. The value is that of the constant's type: int for '' (a one-byte
 * constant sign-extended when char is signed; a multi-character one folded big-endian into an int,
 * as gcc does), unsigned char for u8 (C23), char16_t / char32_t for u / U, wchar_t for L (32 bits,
 * signed when wcharSigned). `warning`: gcc's warning text (multi-character, too long, escapes).
 */
export function decodeChar(text: string, charSigned: boolean, wcharSigned: boolean): { value: bigint; encoding: Encoding; multichar: boolean; warning?: string } | { error: string; offset: number } {
  return charConstant(text, charSigned, wcharSigned);
}

/**
 * Adjacent string literals (C17 6.4.5p5, translation phase 6): the parts share one encoding prefix
 * (plain parts adopt the other's); two different prefixes are an error in `part`. The terminating
 * null is not included.
 */
export function concatStrings(parts: string[]): { encoding: Encoding; units: number[]; warnings?: LiteralWarning[] } | { error: string; part: number; offset: number } {
  return concat(parts);
}
