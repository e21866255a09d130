// Exact conversion between decimal (or hexadecimal) text and the binary formats.
//
// Decimal to binary: the literal is an integer D times 10^k. For k >= 0 the value D * 10^k is an
// integer and rounds directly. For k < 0 it is D / 5^-k * 2^k: the quotient is computed with at least
// p + 2 bits plus a sticky bit for a non-zero remainder, which is all that correct rounding needs.
// Hexadecimal significands are exact binary already.
//
// Binary to decimal (fToString): the shortest decimal that reads back to the same bits. For f64 that
// is JavaScript's own Number-to-String (the ECMAScript spec demands shortest round-trip); for the
// other formats the candidates with 1, 2, 3, ... digits nearest the value are tested against the
// value's rounding interval, in exact integer arithmetic.

import { FormatInfo, roundPack, unpack, Cls, bitLen, packInf, packZero, packNaN, defaultNaN, divExact } from './softfloat';

const pow10cache: bigint[] = [];
export function pow10(n: number): bigint {
  if (n < 64) {
    let v = pow10cache[n];
    if (v === undefined) v = pow10cache[n] = 10n ** BigInt(n);
    return v;
  }
  return 10n ** BigInt(n);
}

function pow5(n: number): bigint {
  return 5n ** BigInt(n);
}

/** Rounds D * 10^k (D >= 0). */
export function roundDecimal(sign: number, D: bigint, k: number, F: FormatInfo): bigint {
  if (D === 0n) return packZero(sign, F);
  const nd = D.toString().length;
  // far outside every format's range (binary128 and x87 reach 1.19e4932 and 3.6e-4951)
  if (nd + k - 1 > 4933) return packInf(sign, F);
  if (nd + k < -4970) return packZero(sign, F);
  if (k >= 0) return roundPack(sign, D * pow10(k), 0, F);
  // D / 10^-k = D / 5^-k * 2^k
  return divExact(sign, D, k, pow5(-k), 0, F);
}

/** Parses a decimal ("1.5e-3", "12", ".5") or hex ("0x1.8p3", "0x10") numeral with optional sign, or
 * inf / nan; returns undefined when the text is not one. */
export function parseNumeral(text: string, F: FormatInfo): bigint | undefined {
  let i = 0, sign = 0;
  if (text[0] === '-' || text[0] === '+') { sign = text[0] === '-' ? 1 : 0; i = 1; }
  const rest = text.slice(i).toLowerCase();
  if (rest === 'inf' || rest === 'infinity') return packInf(sign, F);
  if (rest === 'nan') return sign ? packNaN(1, 0n, F) : defaultNaN(F);
  if (rest.startsWith('0x')) return parseHex(sign, rest, 2, F);
  return parseDec(sign, rest, 0, F);
}

function parseDec(sign: number, s: string, i: number, F: FormatInfo): bigint | undefined {
  const m = /^([0-9]*)(?:\.([0-9]*))?(?:e([+-]?[0-9]+))?$/.exec(s.slice(i));
  if (!m) return undefined;
  const ip = m[1], fp = m[2] ?? '';
  if (ip.length + fp.length === 0) return undefined;
  const exp = m[3] ? clampExp(m[3]) : 0;
  return roundDecimal(sign, BigInt(ip + fp || '0'), exp - fp.length, F);
}

function parseHex(sign: number, s: string, i: number, F: FormatInfo): bigint | undefined {
  const m = /^([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?[0-9]+))?$/.exec(s.slice(i));
  if (!m) return undefined;
  const ip = m[1], fp = m[2] ?? '';
  if (ip.length + fp.length === 0) return undefined;
  const exp = m[3] ? clampExp(m[3]) : 0;
  return roundHex(sign, BigInt('0x' + (ip + fp || '0')), exp - 4 * fp.length, F);
}

/** Rounds H * 2^e. */
export function roundHex(sign: number, H: bigint, e: number, F: FormatInfo): bigint {
  if (H === 0n) return packZero(sign, F);
  if (e + bitLen(H) > 40000) return packInf(sign, F);
  if (e + bitLen(H) < -40000) return packZero(sign, F);
  return roundPack(sign, H, e, F);
}

/** An exponent's digits as a number, clamped so that no later arithmetic overflows. */
export function clampExp(digits: string): number {
  const v = parseInt(digits, 10);
  return Math.max(-1e8, Math.min(1e8, v));
}

// ---------------------------------------------------------------------------------------------------
// Binary to shortest decimal

const f64buf = new Float64Array(1);
const u64buf = new BigUint64Array(f64buf.buffer);

export function f64ToNumber(bits: bigint): number {
  u64buf[0] = bits;
  return f64buf[0];
}

export function numberToF64(x: number): bigint {
  f64buf[0] = x;
  return u64buf[0];
}

/** Shortest round-trip decimal of a value in format F, formatted like JavaScript's Number toString
 * ("1.5", "1e+300", "0.001", "1.2e-7"); "inf", "-inf", "nan", "-nan" for the special values. */
export function toShortestString(a: bigint, F: FormatInfo, isF64: boolean): string {
  const u = unpack(a, F);
  const minus = u.sign ? '-' : '';
  if (u.cls === Cls.NaN) return minus + 'nan';
  if (u.cls === Cls.Inf) return minus + 'inf';
  if (u.cls === Cls.Zero) return minus + '0';
  if (isF64) return minus + String(Math.abs(f64ToNumber(a)));
  const [digits, exp] = shortestDigits(u.m, u.e, F);
  return minus + formatDigits(digits, exp);
}

/** Formats digits d1 d2 ... dn times 10^(point - n) where point is the decimal exponent + 1, the way
 * ECMAScript's Number::toString does. */
function formatDigits(digits: string, point: number): string {
  const n = digits.length;
  if (n <= point && point <= 21) return digits + '0'.repeat(point - n);
  if (0 < point && point <= 21) return digits.slice(0, point) + '.' + digits.slice(point);
  if (-6 < point && point <= 0) return '0.' + '0'.repeat(-point) + digits;
  const e = point - 1;
  const es = e < 0 ? '-' + -e : '+' + e;
  return (n === 1 ? digits : digits[0] + '.' + digits.slice(1)) + 'e' + es;
}

/**
 * Shortest digits for m * 2^e. Returns [digits, point] with value ~ 0.d1d2...dn * 10^point.
 * The rounding interval is (m - lo/4, m + 2/4) * 2^e, closed when m is even, where lo is 1 at the
 * bottom of a binade (the next value down is closer) and 2 elsewhere.
 */
function shortestDigits(m: bigint, e: number, F: FormatInfo): [string, number] {
  const atBinadeBottom = m === 1n << BigInt(F.p - 1) && e > F.emin - (F.p - 1);
  const lo4 = 4n * m - (atBinadeBottom ? 1n : 2n);
  const hi4 = 4n * m + 2n;
  const closed = (m & 1n) === 0n;
  // value, bounds = X * 2^(e-2) as fractions num / den
  const e2 = e - 2;
  const bin = e2 >= 0 ? 1n << BigInt(e2) : 1n;
  const binDen = e2 < 0 ? 1n << BigInt(-e2) : 1n;
  const vNum = 4n * m * bin;
  // decimal exponent estimate: value ~ 2^(bitLen(m) + e - 1)
  let k = Math.floor((bitLen(m) + e - 1) * Math.LOG10E * Math.LN2); // 10^k <= v < 10^(k+1), ±1
  const ge = (kk: number) => (kk >= 0 ? vNum >= pow10(kk) * binDen : vNum * pow10(-kk) >= binDen);
  while (!ge(k)) k--;
  while (ge(k + 1)) k++;
  const maxDigits = Math.ceil(F.p * Math.LOG10E * Math.LN2) + 2;
  for (let n = 1; n <= maxDigits; n++) {
    const s = k - n + 1; // candidate = d * 10^s
    // v / 10^s = vNum * 10^-s / (binDen * 10^s)
    const num = s < 0 ? vNum * pow10(-s) : vNum;
    const den = s > 0 ? binDen * pow10(s) : binDen;
    const dFloor = num / den;
    const candidates = [dFloor, dFloor + 1n];
    // choose the nearest of the two that lies in the interval (ties to even digits)
    let best: bigint | undefined;
    let bestDist = -1n;
    for (const d of candidates) {
      if (d <= 0n) continue;
      // compare d * 10^s * 4 * binDen  with X * bin * (10^-s when s < 0)
      const left = d * binDen * (s > 0 ? pow10(s) : 1n);
      const scale = s < 0 ? pow10(-s) : 1n;
      const loR = lo4 * bin * scale, hiR = hi4 * bin * scale, vR = 4n * m * bin * scale;
      const inside = closed ? left >= loR && left <= hiR : left > loR && left < hiR;
      if (!inside) continue;
      const dist = left > vR ? left - vR : vR - left;
      if (best === undefined || dist < bestDist || (dist === bestDist && (d & 1n) === 0n)) { best = d; bestDist = dist; }
    }
    if (best !== undefined) {
      let digits = best.toString();
      const point = s + digits.length;
      digits = digits.replace(/0+$/, '');
      if (digits === '') { digits = '0'; }
      return [digits, point];
    }
  }
  throw new Error('shortestDigits: no candidate (internal error)');
}
