// Floating constants and roundToFormat against gcc: the bits of float, double, long double (x87) and
// __float128 values of a few hundred literals (fixed hard cases, seeded random ones, exact midpoints).
// Also fToString: shortest round trip.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseFloatLiteral, roundToFormat, fToString, FloatFormat, fToNumber } from '../../src/numeric';
import { runC, Rng } from './oracle';

const FIXED = [
  '0', '0.0', '1', '1.', '.5', '0.1', '0.2', '0.3', '1e10', '1e-10', '3.14159265358979323846264338327950288',
  '1e308', '1.7976931348623157e308', '1.7976931348623158e308', '1.797693134862315807937e308', '1.8e308',
  '2.2250738585072014e-308', '2.2250738585072011e-308', '4.9e-324', '2.4703282292062327e-324',
  '2.4703282292062328e-324', '3.4028235e38', '3.4028236e38', '3.40282356779733661637539395458142568448e38',
  '1.4e-45', '7e-46', '7.1e-46', '1.17549435e-38', '1e4932', '1.18973149535723176502e4932',
  '1.18973149535723176508575932662800702e4932', '3.6e-4951', '1e-4950', '1.9e-4951', '6.5e-4966',
  '3.2e-4966', '3.3e-4966', '1e-5000', '1e5000', '123456789012345678901234567890', '9007199254740993',
  '9007199254740992.5', '9007199254740993.0000000000000000001', '16777217', '16777216.5', '0.000001',
  '100000000000000000000000', '5e-1', '000123.4500e+02', '1e+0', '1E-0', '8.589973e9', '1.00000005960464477539062',
  '0x1p-1074', '0x1p-1075', '0x1.8p-1075', '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7ffp1023',
  '0x1.0000000000000800000000001p0', '0x.8p1', '0x1P+3', '0x1.fffffep127', '0x1.ffffffp127', '0x1p-149',
  '0x1p-150', '0x1.000002p-150', '0xABCDEF.123456p-20', '0x0p0', '0x1p16383', '0x1p16384', '0x1p-16445',
  '0x1p-16446', '0x1p-16494', '0x1p-16495', '0x1.8p-16495', '0x1.fffffffffffffffffffffffffffffp16383',
];

/** Exact decimal expansion of n * 2^k. */
function exactDecimal(n: bigint, k: number): string {
  if (k >= 0) return (n << BigInt(k)).toString();
  const digits = (n * 5n ** BigInt(-k)).toString().padStart(-k + 1, '0');
  return digits.slice(0, digits.length + k) + '.' + digits.slice(digits.length + k);
}

function literals(): string[] {
  const rng = new Rng(Number(process.env.NUMERIC_SEED ?? 20240601));
  const out = [...FIXED];
  for (let i = 0; i < 200; i++) {
    const nd = 1 + rng.int(rng.int(4) === 0 ? 40 : 18);
    const d = rng.digits(nd);
    const dot = rng.int(nd + 1);
    const exp = rng.int(3) === 0 ? rng.int(9900) - 4950 : rng.int(660) - 330;
    out.push(d.slice(0, dot) + '.' + d.slice(dot) + 'e' + exp);
  }
  // exact midpoints between neighbours (ties: to even), and a hair either side
  for (let i = 0; i < 90; i++) {
    const [p, emin] = rng.pick([[24, -149], [53, -1074], [64, -16445], [113, -16494]] as const);
    const m = (1n << BigInt(p - 1)) | rng.bits(p - 1);
    const e = rng.int(3) === 0 ? emin + rng.int(40) : rng.int(200) - 100;
    const mid = exactDecimal(2n * m + 1n, e - 1);
    const tweak = rng.int(3);
    out.push(tweak === 0 ? mid : tweak === 1 ? (mid.includes('.') ? mid : mid + '.') + '0000000000000000000001' : lowerByHair(mid));
  }
  for (let i = 0; i < 40; i++) {
    const h = rng.bits(4 + rng.int(120)).toString(16);
    const dot = rng.int(h.length + 1);
    out.push('0x' + h.slice(0, dot) + '.' + h.slice(dot) + 'p' + (rng.int(400) - 200));
  }
  // every numeral spelled as a floating constant
  return out.map((l) => (/^0x/i.test(l) || /[.eE]/.test(l) ? l : l + '.'));
}

/** A decimal just below an exact (terminating) decimal. */
function lowerByHair(s: string): string {
  if (!s.includes('.')) return (BigInt(s) - 1n).toString() + '.99999';
  const last = s.charCodeAt(s.length - 1);
  return last > 48 ? s.slice(0, -1) + String.fromCharCode(last - 1) + '99999' : s;
}

const SUFFIXES: [string, FloatFormat, number][] = [['f', 'f32', 4], ['', 'f64', 8], ['L', 'x87', 10], ['Q', 'f128', 16]];

const LITS = literals();

function cProgram(): string {
  let s = '#include <stdio.h>\n#include <string.h>\n' +
    'static void pb(const void *p, int n) { const unsigned char *b = p; for (int i = n - 1; i >= 0; i--) printf("%02x", b[i]); printf(" "); }\n' +
    'int main(void) {\n';
  for (const l of LITS) {
    s += ` { volatile float f = ${l}f; volatile double d = ${l}; volatile long double x = ${l}L; volatile __float128 q = ${l}Q;` +
      ' pb((void*)&f, 4); pb((void*)&d, 8); pb((void*)&x, 10); pb((void*)&q, 16); printf("\\n"); }\n';
  }
  return s + ' return 0;\n}\n';
}

test('floating constants: bits agree with gcc for float, double, long double, __float128', () => {
  const lines = runC(cProgram()).trim().split('\n');
  assert.is(lines.length, LITS.length);
  let checked = 0;
  const bad: string[] = [];
  LITS.forEach((lit, i) => {
    const want = lines[i].trim().split(' ');
    SUFFIXES.forEach(([suf, fmt], j) => {
      const r = parseFloatLiteral(lit + suf, 'x87');
      if ('error' in r) { bad.push(`${lit}${suf}: ${r.error}`); return; }
      assert.is(r.format, fmt);
      const got = r.bits.toString(16).padStart(want[j].length, '0');
      if (got !== want[j]) bad.push(`${lit}${suf}: got ${got}, gcc ${want[j]}`);
      // roundToFormat on the same numeral agrees
      const rt = roundToFormat(lit, fmt);
      if (rt !== r.bits) bad.push(`roundToFormat(${lit}, ${fmt}) differs from the literal`);
      checked++;
    });
  });
  assert.equal(bad, []);
  console.log(`  float literals: ${checked} values checked against gcc`);
});

test('fToString: shortest decimal that reads back to the same bits', () => {
  let n = 0;
  for (const lit of LITS) {
    for (const [suf, fmt] of SUFFIXES) {
      const r = parseFloatLiteral(lit + suf, 'x87');
      if ('error' in r) continue;
      const s = fToString(r.bits, fmt);
      if (s === 'inf') continue;
      assert.is(roundToFormat(s, fmt), r.bits, `${lit}${suf} -> ${s}`);
      if (fmt === 'f64') assert.is(s, String(fToNumber(r.bits, 'f64')));
      // no shorter decimal reads back: test the nearest one with one digit less
      const digits = s.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
      if (digits.length > 1 && fmt !== 'f64') {
        const x = Number(s);
        if (x !== 0 && isFinite(x) && fmt === 'f32') {
          const shorter = x.toPrecision(digits.length - 1);
          assert.is.not(roundToFormat(shorter, fmt), r.bits, `${s} is not shortest (${shorter})`);
        }
      }
      n++;
    }
  }
  assert.is(fToString(0x80000000n, 'f32'), '-0');
  assert.is(fToString(0x7f800000n, 'f32'), 'inf');
  assert.is(fToString(0xff800000n, 'f32'), '-inf');
  assert.is(fToString(0x7fc00000n, 'f32'), 'nan');
  assert.is(fToString(roundToFormat('0.1', 'f32'), 'f32'), '0.1');
  assert.is(fToString(roundToFormat('1e-7', 'x87'), 'x87'), '1e-7');
  assert.is(fToString(roundToFormat('123456789e20', 'f128'), 'f128'), '1.23456789e+28');
  assert.is(fToString(roundToFormat('0x1p-16494', 'f128'), 'f128'), '6e-4966');
  console.log(`  fToString: ${n} round trips`);
});

test('floating constant suffixes and errors', () => {
  const ok = (t: string, fmt: FloatFormat, suffix: string, imaginary = false) => {
    const r = parseFloatLiteral(t, 'x87');
    if ('error' in r) assert.unreachable(`${t}: ${r.error}`);
    else { assert.is(r.format, fmt, t); assert.is(r.suffix, suffix, t); assert.is(r.imaginary, imaginary, t); }
  };
  ok('1.0', 'f64', ''); ok('1.0f', 'f32', 'f'); ok('1.0F', 'f32', 'f'); ok('1.0l', 'x87', 'l'); ok('1.0L', 'x87', 'l');
  ok('1.0d', 'f64', 'd'); ok('1.0q', 'f128', 'q'); ok('1.0W', 'x87', 'w');
  ok('1.0f32', 'f32', 'f32'); ok('1.0F64', 'f64', 'f64'); ok('1.0f128', 'f128', 'f128'); ok('1.0f32x', 'f64', 'f32x');
  ok('1.0f64x', 'x87', 'f64x'); ok('1.0fi', 'f32', 'f', true); ok('1.0if', 'f32', 'f', true); ok('1.0j', 'f64', '', true);
  ok('1e5', 'f64', ''); ok('0x1p3', 'f64', ''); ok('08.5', 'f64', '');
  const l = parseFloatLiteral('1.0L', 'f128');
  assert.ok(!('error' in l) && l.format === 'f128');
  const err = (t: string, msg: string) => {
    const r = parseFloatLiteral(t, 'x87');
    assert.ok('error' in r, t);
    if ('error' in r) assert.is(r.error, msg, t);
  };
  err('0x1.0', 'hexadecimal floating constants require an exponent');
  err('0x.p1', 'no digits in hexadecimal floating constant');
  err('1e', 'exponent has no digits');
  err('1e+', 'exponent has no digits');
  err('0x1pf', 'exponent has no digits');
  err('0b1.0', 'invalid prefix "0b" for floating constant');
  err('1.0ll', 'invalid suffix "ll" on floating constant');
  err('1.0fl', 'invalid suffix "fl" on floating constant');
  err('1.0ii', 'invalid suffix "ii" on floating constant');
  err('1.0df', 'decimal floating constants are not supported');
  err('1.0DL', 'decimal floating constants are not supported');
  err('1.0f16', 'unsupported suffix "f16" on floating constant');
  const w = parseFloatLiteral('1e400', 'x87');
  assert.ok(!('error' in w) && w.warning === "floating constant exceeds range of 'double'");
  const z = parseFloatLiteral('1e-400f', 'x87');
  assert.ok(!('error' in z) && z.warning === 'floating constant truncated to zero');
});

test.run();
