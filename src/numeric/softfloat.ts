// Soft-float arithmetic on bit patterns, exact and correctly rounded (round to nearest, ties to even).
//
// Every finite value is handled as sign, integer significand m (a bigint) and binary exponent e, so
// that |value| = m * 2^e. Operations compute the exact result in that form (sums and products of
// bigints are exact; a quotient carries a "sticky" flag for its non-zero remainder) and one function,
// roundPack, rounds it to the format and encodes the bits. That one rounding step serves addition,
// multiplication, division, conversion between formats, integer conversion and decimal literals.
//
// Formats: f32 and f64 (IEEE binary32/64), x87 (80-bit extended: 15-bit exponent and a 64-bit
// significand with an explicit integer bit) and f128 (IEEE binary128).
//
// NaNs: an operation with a NaN operand returns the first NaN operand made quiet (as x86 SSE does);
// an invalid operation (inf - inf, 0 * inf, 0/0, inf/inf) returns the positive default quiet NaN, as
// gcc's constant folder does (x86 hardware would give the negative one). x87 encodings that the
// hardware rejects (unnormals, pseudo-infinities, pseudo-NaNs) are treated as invalid operands.

import type { FloatFormat } from './index';

export interface FormatInfo {
  /** Width of the exponent field. */
  ebits: number;
  /** Precision in bits, integer bit included. */
  p: number;
  /** The integer bit is stored (x87). */
  explicit: boolean;
  /** Total width of the encoding. */
  total: number;
  /** Width of the stored significand field (p - 1, or p when explicit). */
  fracBits: number;
  bias: number;
  /** Exponent of the smallest normal (1 - bias). */
  emin: number;
  /** Exponent of the largest finite value (bias). */
  emax: number;
  expMax: bigint;
  fracMask: bigint;
  /** The quiet bit of a NaN inside the fraction field. */
  quietBit: bigint;
  /** The explicit integer bit (x87), else 0n. */
  intBit: bigint;
}

function info(ebits: number, p: number, explicit: boolean): FormatInfo {
  const fracBits = explicit ? p : p - 1;
  const bias = (1 << (ebits - 1)) - 1;
  return {
    ebits, p, explicit, total: 1 + ebits + fracBits, fracBits, bias, emin: 1 - bias, emax: bias,
    expMax: (1n << BigInt(ebits)) - 1n, fracMask: (1n << BigInt(fracBits)) - 1n,
    quietBit: 1n << BigInt(p - 2), intBit: explicit ? 1n << BigInt(p - 1) : 0n,
  };
}

export const FORMATS: Record<FloatFormat, FormatInfo> = {
  f32: info(8, 24, false),
  f64: info(11, 53, false),
  x87: info(15, 64, true),
  f128: info(15, 113, false),
};

// ---------------------------------------------------------------------------------------------------
// Unpacked values

export const enum Cls { Zero, Finite, Inf, NaN }

/** An unpacked value. Finite: |value| = m * 2^e with m > 0. NaN: m is the payload (fraction field
 * without the quiet bit and integer bit), invalid marks x87 encodings the hardware rejects. */
export interface Unpacked { cls: Cls; sign: number; m: bigint; e: number; invalid?: boolean }

/** Number of significant bits of x >= 0. */
export function bitLen(x: bigint): number {
  if (x < 0x100000000n) return x === 0n ? 0 : 32 - Math.clz32(Number(x));
  if (x < 0x20000000000000n) {
    const hi = Math.floor(Number(x) / 4294967296);
    return 64 - Math.clz32(hi);
  }
  const s = x.toString(16);
  return (s.length - 1) * 4 + (32 - Math.clz32(parseInt(s[0], 16)));
}

export function unpack(a: bigint, F: FormatInfo): Unpacked {
  const sign = Number((a >> BigInt(F.total - 1)) & 1n);
  const bexp = (a >> BigInt(F.fracBits)) & F.expMax;
  let frac = a & F.fracMask;
  if (F.explicit && bexp !== 0n && (frac & F.intBit) === 0n) {
    // unnormal, pseudo-infinity or pseudo-NaN: an invalid operand on every x87 since the 387
    return { cls: Cls.NaN, sign, m: frac & (F.quietBit - 1n), e: 0, invalid: true };
  }
  if (F.explicit) frac &= ~F.intBit;
  if (bexp === F.expMax) {
    if (frac === 0n) return { cls: Cls.Inf, sign, m: 0n, e: 0 };
    return { cls: Cls.NaN, sign, m: frac & (F.quietBit - 1n), e: 0 };
  }
  if (bexp === 0n) {
    // zero or subnormal (an x87 pseudo-denormal has its integer bit set and the same value rule)
    const m = a & F.fracMask;
    if (m === 0n) return { cls: Cls.Zero, sign, m: 0n, e: 0 };
    return { cls: Cls.Finite, sign, m, e: F.emin - (F.p - 1) };
  }
  return { cls: Cls.Finite, sign, m: frac | (1n << BigInt(F.p - 1)), e: Number(bexp) - F.bias - (F.p - 1) };
}

function signBit(sign: number, F: FormatInfo): bigint {
  return sign ? 1n << BigInt(F.total - 1) : 0n;
}

export function packInf(sign: number, F: FormatInfo): bigint {
  return signBit(sign, F) | (F.expMax << BigInt(F.fracBits)) | F.intBit;
}

export function packZero(sign: number, F: FormatInfo): bigint {
  return signBit(sign, F);
}

/** A quiet NaN with the given payload (already sized for F). */
export function packNaN(sign: number, payload: bigint, F: FormatInfo): bigint {
  return signBit(sign, F) | (F.expMax << BigInt(F.fracBits)) | F.intBit | F.quietBit | (payload & (F.quietBit - 1n));
}

/** The default NaN of an invalid operation (positive, quiet, zero payload). */
export function defaultNaN(F: FormatInfo): bigint {
  return packNaN(0, 0n, F);
}

/** Moves a NaN payload from one format's fraction width to another's (keeping its top bits). */
function movePayload(m: bigint, from: FormatInfo, to: FormatInfo): bigint {
  const d = to.p - from.p;
  return d >= 0 ? m << BigInt(d) : m >> BigInt(-d);
}

/**
 * Rounds the exact value (-1)^sign * (m + (sticky ? some fraction in (0,1) : 0)) * 2^e to format F,
 * to nearest with ties to even, and returns the encoding. Overflow gives infinity, and results below
 * the smallest subnormal round to zero or to it.
 */
export function roundPack(sign: number, m: bigint, e: number, F: FormatInfo, sticky = false): bigint {
  if (sticky) { m = (m << 2n) | 1n; e -= 2; }
  if (m === 0n) return packZero(sign, F);
  const n = bitLen(m);
  const top = e + n - 1;                      // exponent of the leading bit
  if (top > F.emax + 1) return packInf(sign, F);
  const minQ = F.emin - (F.p - 1);            // quantum of the subnormals
  const q = Math.max(top - (F.p - 1), minQ);  // quantum of the result
  let M: bigint;
  let Q = q;
  const shift = q - e;
  if (shift <= 0) {
    M = m << BigInt(-shift);
  } else if (shift > n + 1) {
    return packZero(sign, F);                  // below half the smallest subnormal
  } else {
    const s = BigInt(shift);
    M = m >> s;
    const rem = m & ((1n << s) - 1n);
    const half = 1n << (s - 1n);
    if (rem > half || (rem === half && (M & 1n) === 1n)) {
      M += 1n;
      if (M === 1n << BigInt(F.p)) { M >>= 1n; Q++; }
    }
  }
  if (M === 0n) return packZero(sign, F);
  const normal = M >= 1n << BigInt(F.p - 1);
  if (!normal) return signBit(sign, F) | M;   // subnormal: exponent field 0 (Q === minQ)
  const bexp = Q + (F.p - 1) + F.bias;
  if (bexp >= Number(F.expMax)) return packInf(sign, F);
  const frac = F.explicit ? M : M & F.fracMask;
  return signBit(sign, F) | (BigInt(bexp) << BigInt(F.fracBits)) | frac;
}

// ---------------------------------------------------------------------------------------------------
// Operations

function nanResult(x: Unpacked, y: Unpacked | undefined, F: FormatInfo): bigint {
  if (x.cls === Cls.NaN && !x.invalid) return packNaN(x.sign, x.m, F);
  if (y && y.cls === Cls.NaN && !y.invalid) return packNaN(y.sign, y.m, F);
  return defaultNaN(F);
}

/** a + b (negate b's sign for subtraction). */
function addUnpacked(x: Unpacked, y: Unpacked, F: FormatInfo): bigint {
  if (x.cls === Cls.NaN || y.cls === Cls.NaN) return nanResult(x, y, F);
  if (x.cls === Cls.Inf) {
    if (y.cls === Cls.Inf && x.sign !== y.sign) return defaultNaN(F);
    return packInf(x.sign, F);
  }
  if (y.cls === Cls.Inf) return packInf(y.sign, F);
  if (x.cls === Cls.Zero && y.cls === Cls.Zero) return packZero(x.sign & y.sign, F);
  if (x.cls === Cls.Zero) return roundPack(y.sign, y.m, y.e, F);
  if (y.cls === Cls.Zero) return roundPack(x.sign, x.m, x.e, F);
  // Exact sum at the smaller exponent. An operand lying wholly below the other's last bit by two
  // places or more only matters as a sticky bit: replace it by a fraction in (0,1) two places down.
  let big = x, small = y;
  if (x.e < y.e || (x.e === y.e && x.m < y.m)) { big = y; small = x; }
  if (small.e + bitLen(small.m) < big.e - 2) {
    const es = big.e - 2;
    const mb = big.m << 2n;
    if (big.sign === small.sign) return roundPack(big.sign, mb, es, F, true);
    return roundPack(big.sign, mb - 1n, es, F, true);  // mb - frac = (mb - 1) + (1 - frac)
  }
  const es = Math.min(big.e, small.e);
  const mb = big.m << BigInt(big.e - es), ms = small.m << BigInt(small.e - es);
  if (big.sign === small.sign) return roundPack(big.sign, mb + ms, es, F);
  const d = mb - ms;
  if (d === 0n) return packZero(0, F);
  return d > 0n ? roundPack(big.sign, d, es, F) : roundPack(small.sign, -d, es, F);
}

function neg(u: Unpacked): Unpacked {
  return { cls: u.cls, sign: u.sign ^ 1, m: u.m, e: u.e, invalid: u.invalid };
}

export function add(a: bigint, b: bigint, F: FormatInfo): bigint {
  return addUnpacked(unpack(a, F), unpack(b, F), F);
}

export function sub(a: bigint, b: bigint, F: FormatInfo): bigint {
  return addUnpacked(unpack(a, F), neg(unpack(b, F)), F);
}

export function mul(a: bigint, b: bigint, F: FormatInfo): bigint {
  const x = unpack(a, F), y = unpack(b, F);
  if (x.cls === Cls.NaN || y.cls === Cls.NaN) return nanResult(x, y, F);
  const sign = x.sign ^ y.sign;
  if (x.cls === Cls.Inf || y.cls === Cls.Inf) {
    if (x.cls === Cls.Zero || y.cls === Cls.Zero) return defaultNaN(F);
    return packInf(sign, F);
  }
  if (x.cls === Cls.Zero || y.cls === Cls.Zero) return packZero(sign, F);
  return roundPack(sign, x.m * y.m, x.e + y.e, F);
}

export function div(a: bigint, b: bigint, F: FormatInfo): bigint {
  const x = unpack(a, F), y = unpack(b, F);
  if (x.cls === Cls.NaN || y.cls === Cls.NaN) return nanResult(x, y, F);
  const sign = x.sign ^ y.sign;
  if (x.cls === Cls.Inf) return y.cls === Cls.Inf ? defaultNaN(F) : packInf(sign, F);
  if (y.cls === Cls.Inf) return packZero(sign, F);
  if (y.cls === Cls.Zero) return x.cls === Cls.Zero ? defaultNaN(F) : packInf(sign, F);
  if (x.cls === Cls.Zero) return packZero(sign, F);
  return divExact(sign, x.m, x.e, y.m, y.e, F);
}

/** Rounds (mx * 2^ex) / (my * 2^ey). */
export function divExact(sign: number, mx: bigint, ex: number, my: bigint, ey: number, F: FormatInfo): bigint {
  const k = Math.max(0, F.p + 2 + bitLen(my) - bitLen(mx));
  const num = mx << BigInt(k);
  const q = num / my;
  const r = num - q * my;
  return roundPack(sign, q, ex - ey - k, F, r !== 0n);
}

export function negate(a: bigint, F: FormatInfo): bigint {
  return a ^ (1n << BigInt(F.total - 1));
}

export function compare(a: bigint, b: bigint, F: FormatInfo): -1 | 0 | 1 | undefined {
  const x = unpack(a, F), y = unpack(b, F);
  if (x.cls === Cls.NaN || y.cls === Cls.NaN) return undefined;
  const sx = signum(x), sy = signum(y);
  if (sx !== sy) return sx < sy ? -1 : 1;
  if (sx === 0) return 0;
  const mag = compareMag(x, y);
  return (sx < 0 ? -mag : mag) as -1 | 0 | 1;
}

function signum(u: Unpacked): number {
  return u.cls === Cls.Zero ? 0 : u.sign ? -1 : 1;
}

function compareMag(x: Unpacked, y: Unpacked): -1 | 0 | 1 {
  if (x.cls === Cls.Inf || y.cls === Cls.Inf) {
    return x.cls === y.cls ? 0 : x.cls === Cls.Inf ? 1 : -1;
  }
  const tx = x.e + bitLen(x.m), ty = y.e + bitLen(y.m);
  if (tx !== ty) return tx < ty ? -1 : 1;
  let mx = x.m, my = y.m;
  if (x.e > y.e) mx <<= BigInt(x.e - y.e); else my <<= BigInt(y.e - x.e);
  return mx === my ? 0 : mx < my ? -1 : 1;
}

export function convert(a: bigint, from: FormatInfo, to: FormatInfo): bigint {
  const x = unpack(a, from);
  switch (x.cls) {
    case Cls.Zero: return packZero(x.sign, to);
    case Cls.Inf: return packInf(x.sign, to);
    case Cls.NaN: return x.invalid ? defaultNaN(to) : packNaN(x.sign, movePayload(x.m, from, to), to);
    default: return roundPack(x.sign, x.m, x.e, to);
  }
}

export function fromInt(v: bigint, F: FormatInfo): bigint {
  return v < 0n ? roundPack(1, -v, 0, F) : roundPack(0, v, 0, F);
}

/** Truncates toward zero; undefined when the result does not fit or a is NaN or infinite. */
export function toInt(a: bigint, F: FormatInfo, bits: number, signed: boolean): bigint | undefined {
  const x = unpack(a, F);
  if (x.cls === Cls.Zero) return 0n;
  if (x.cls !== Cls.Finite) return undefined;
  if (x.e + bitLen(x.m) > bits + 1) return undefined;
  let v = x.e >= 0 ? x.m << BigInt(x.e) : x.m >> BigInt(-x.e);
  if (x.sign) v = -v;
  const lo = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const hi = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  return v < lo || v > hi ? undefined : v;
}
