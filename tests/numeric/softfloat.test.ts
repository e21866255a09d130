// Soft-float arithmetic against the host: gcc-compiled C does the same operations in hardware (SSE for
// float and double, the x87 for long double) and in libgcc's soft-fp (__float128). Seeded random
// operands of every class: normal, subnormal, zero, infinity, NaN, near ties and cancellations.
// NaN results are compared as NaN-ness only (payloads and the default NaN's sign are target matters).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  FloatFormat, fAdd, fSub, fMul, fDiv, fCompare, fConvert, fToInt, fFromInt, fIsNaN, fNeg, fIsZero, fIsInf,
  fToNumber, fFromNumber, roundToFormat,
} from '../../src/numeric';
import { runC, Rng } from './oracle';

interface Fmt { name: FloatFormat; ctype: string; bytes: number; ebits: number; p: number; explicit: boolean; csuf: string }
const FMTS: Fmt[] = [
  { name: 'f32', ctype: 'float', bytes: 4, ebits: 8, p: 24, explicit: false, csuf: 'L' },
  { name: 'f64', ctype: 'double', bytes: 8, ebits: 11, p: 53, explicit: false, csuf: 'L' },
  { name: 'x87', ctype: 'long double', bytes: 10, ebits: 15, p: 64, explicit: true, csuf: 'L' },
  { name: 'f128', ctype: '__float128', bytes: 16, ebits: 15, p: 113, explicit: false, csuf: 'Q' },
];

// NUMERIC_SEED and NUMERIC_N (environment) run other or longer random series.
const N = Number(process.env.NUMERIC_N ?? 260);
const rng = new Rng(Number(process.env.NUMERIC_SEED ?? 7));

function encode(f: Fmt, sign: number, bexp: number, frac: bigint): bigint {
  const fracBits = f.explicit ? f.p : f.p - 1;
  let m = frac & ((1n << BigInt(f.p - 1)) - 1n);
  if (f.explicit && bexp !== 0) m |= 1n << BigInt(f.p - 1);
  return (BigInt(sign) << BigInt(f.ebits + fracBits)) | (BigInt(bexp) << BigInt(fracBits)) | m;
}

function operand(f: Fmt, other?: bigint): bigint {
  const bias = (1 << (f.ebits - 1)) - 1, emax = (1 << f.ebits) - 1;
  const s = rng.int(2);
  const k = rng.int(20);
  const frac = () => rng.bits(f.p - 1);
  const fewBits = () => rng.bits(6) << BigInt(f.p - 7);
  if (other !== undefined && k < 6) {
    // near the other operand: same exponent or a few apart, for cancellation and ties
    const fracBits = f.explicit ? f.p : f.p - 1;
    const oe = Number((other >> BigInt(fracBits)) & BigInt(emax));
    if (oe > 0 && oe < emax) {
      const e = Math.min(emax - 1, Math.max(1, oe + rng.int(2 * f.p + 4) - f.p - 2));
      const low = k < 3 ? (other & ((1n << BigInt(f.p - 1)) - 1n)) ^ rng.bits(3) : frac();
      return encode(f, rng.int(2), e, low);
    }
  }
  switch (k) {
    case 0: return encode(f, s, 0, 0n);                              // zero
    case 1: return encode(f, s, 0, frac());                          // subnormal
    case 2: return encode(f, s, emax, 0n);                           // infinity
    case 3: return rng.int(3) ? encode(f, s, bias + rng.int(10), fewBits()) : encode(f, s, emax, (1n << BigInt(f.p - 2)) | rng.bits(8)); // small, or NaN
    case 4: return encode(f, s, emax - 1 - rng.int(3), frac());      // near overflow
    case 5: return encode(f, s, 1 + rng.int(3), frac());             // near underflow
    case 6: return encode(f, s, 1 + rng.int(emax - 1), frac());      // anywhere
    case 7: return encode(f, s, bias + rng.int(8), fewBits());       // few significant bits
    default: return encode(f, s, bias - 20 + rng.int(40), frac());   // ordinary
  }
}

function cWords(v: bigint): string {
  return `{0x${(v & 0xffffffffffffffffn).toString(16)}ULL,0x${(v >> 64n).toString(16)}ULL}`;
}

interface Case { f: Fmt; a: bigint[]; b: bigint[]; ints: bigint[] }

function makeCases(): Case[] {
  return FMTS.map((f) => {
    const a: bigint[] = [], b: bigint[] = [], ints: bigint[] = [];
    for (let i = 0; i < N; i++) {
      const x = operand(f);
      a.push(x);
      b.push(operand(f, x));
      const w = rng.pick([8, 24, 53, 63, 64, 100, 127]);
      const v = rng.bits(w);
      ints.push(w === 127 && rng.int(2) ? -v : w < 64 && rng.int(2) ? -v : v);
    }
    return { f, a, b, ints };
  });
}

function cProgram(cases: Case[]): string {
  let s = '#include <stdio.h>\n#include <string.h>\ntypedef unsigned long long u64;\n' +
    'static void pb(const volatile void *p, int n) { const volatile unsigned char *b = p; for (int i = n - 1; i >= 0; i--) printf("%02x", b[i]); printf(" "); }\n' +
    'static void pi(__int128 v, int ok) { if (!ok) { printf("X "); return; } if (v < 0) { printf("-"); v = -v; } printf("%llx:%llx ", (u64)(v >> 64), (u64)v); }\n';
  for (const c of cases) {
    const n = c.f.name;
    s += `static const u64 A_${n}[][2] = {${c.a.map(cWords).join(',')}};\n`;
    s += `static const u64 B_${n}[][2] = {${c.b.map(cWords).join(',')}};\n`;
    s += `static const u64 I_${n}[][2] = {${c.ints.map((v) => cWords(BigInt.asUintN(128, v))).join(',')}};\n`;
  }
  s += 'int main(void) {\n';
  for (const c of cases) {
    const f = c.f, T = f.ctype, n = f.name, q = f.csuf;
    const cmpT = f.name === 'f128' ? '__float128' : 'long double';
    s += ` for (int i = 0; i < ${N}; i++) {\n  volatile ${T} a, b, r; memcpy((void*)&a, A_${n}[i], ${f.bytes}); memcpy((void*)&b, B_${n}[i], ${f.bytes});\n`;
    s += '  r = a + b; pb(&r, ' + f.bytes + '); r = a - b; pb(&r, ' + f.bytes + '); r = a * b; pb(&r, ' + f.bytes + '); r = a / b; pb(&r, ' + f.bytes + ');\n';
    s += '  printf("%d%d%d ", a < b, a == b, a > b);\n';
    for (const g of FMTS) {
      if (g === f) continue;
      if ((g.name === 'f128') !== (f.name === 'f128') && (g.name === 'x87' || f.name === 'x87')) {
        s += `  { volatile ${g.ctype} c = (${g.ctype})a; pb(&c, ${g.bytes}); }\n`;
      } else s += `  { volatile ${g.ctype} c = a; pb(&c, ${g.bytes}); }\n`;
    }
    s += `  { ${cmpT} x = a; pi((long long)(x > -9223372036854775809.0${q} && x < 9223372036854775808.0${q} ? (long long)a : 0), x > -9223372036854775809.0${q} && x < 9223372036854775808.0${q});\n`;
    s += `    pi((u64)(x > -1.0${q} && x < 18446744073709551616.0${q} ? (u64)a : 0), x > -1.0${q} && x < 18446744073709551616.0${q});\n`;
    s += `    pi((int)(x > -2147483649.0${q} && x < 2147483648.0${q} ? (int)a : 0), x > -2147483649.0${q} && x < 2147483648.0${q}); }\n`;
    s += `  { __int128 v; memcpy(&v, I_${n}[i], 16); volatile ${T} c = v; pb(&c, ${f.bytes}); }\n`;
    s += '  printf("\\n");\n }\n';
  }
  return s + ' return 0;\n}\n';
}

function fmtBits(v: bigint, bytes: number): string { return v.toString(16).padStart(2 * bytes, '0'); }

function intTok(v: bigint | undefined): string {
  if (v === undefined) return 'X';
  const neg = v < 0n;
  const m = neg ? -v : v;
  return `${neg ? '-' : ''}${(m >> 64n).toString(16)}:${(m & 0xffffffffffffffffn).toString(16)}`;
}

const cases = makeCases();
let output: string[] = [];

test('gcc oracle program runs', () => {
  output = runC(cProgram(cases)).trim().split('\n');
  assert.is(output.length, N * FMTS.length);
});

test('fAdd, fSub, fMul, fDiv, fCompare, fConvert, fToInt, fFromInt agree with the host', () => {
  const bad: string[] = [];
  let checked = 0;
  cases.forEach((c, ci) => {
    const f = c.f, n = f.name;
    for (let i = 0; i < N; i++) {
      const tok = output[ci * N + i].trim().split(' ');
      const a = c.a[i], b = c.b[i];
      const same = (what: string, got: bigint, want: string, g: Fmt) => {
        checked++;
        const w = BigInt('0x' + want);
        if (fIsNaN(w, g.name)) { if (!fIsNaN(got, g.name)) bad.push(`${what}: got ${fmtBits(got, g.bytes)}, want NaN`); return; }
        if (fmtBits(got, g.bytes) !== want) bad.push(`${what}: got ${fmtBits(got, g.bytes)}, want ${want}`);
      };
      const tag = `${n} a=${fmtBits(a, f.bytes)} b=${fmtBits(b, f.bytes)}`;
      same(`${tag} add`, fAdd(a, b, n), tok[0], f);
      same(`${tag} sub`, fSub(a, b, n), tok[1], f);
      same(`${tag} mul`, fMul(a, b, n), tok[2], f);
      same(`${tag} div`, fDiv(a, b, n), tok[3], f);
      const r = fCompare(a, b, n);
      const cmp = `${r === -1 ? 1 : 0}${r === 0 ? 1 : 0}${r === 1 ? 1 : 0}`;
      checked++;
      if (cmp !== tok[4]) bad.push(`${tag} compare: got ${cmp}, want ${tok[4]}`);
      let t = 5;
      for (const g of FMTS) {
        if (g === f) continue;
        same(`${tag} convert to ${g.name}`, fConvert(a, n, g.name), tok[t++], g);
      }
      const ints = [intTok(fToInt(a, n, 64, true)), intTok(fToInt(a, n, 64, false)), intTok(fToInt(a, n, 32, true))];
      for (let k = 0; k < 3; k++, t++) {
        checked++;
        if (ints[k] !== tok[t]) bad.push(`${tag} toInt #${k}: got ${ints[k]}, want ${tok[t]}`);
      }
      same(`${n} fromInt ${c.ints[i]}`, fFromInt(c.ints[i], n), tok[t], f);
    }
  });
  if (bad.length) console.log(bad.slice(0, 20).join('\n'));
  assert.is(bad.length, 0);
  console.log(`  softfloat: ${checked} results checked against the host`);
});

test('known answers: signed zeros, NaN, infinities, number round trips', () => {
  const one = roundToFormat('1', 'f64'), m0 = 0x8000000000000000n;
  assert.is(fAdd(m0, m0, 'f64'), m0);
  assert.is(fAdd(m0, 0n, 'f64'), 0n);
  assert.is(fSub(one, one, 'f64'), 0n);
  assert.ok(fIsNaN(fSub(0x7ff0000000000000n, 0x7ff0000000000000n, 'f64'), 'f64'));
  assert.ok(fIsInf(fDiv(one, 0n, 'f64'), 'f64'));
  assert.is(fDiv(one, m0, 'f64'), 0xfff0000000000000n);
  assert.ok(fIsZero(fNeg(0n, 'x87'), 'x87'));
  assert.is(fNeg(0n, 'x87'), 1n << 79n);
  assert.is(fCompare(0n, m0, 'f64'), 0);
  assert.is(fCompare(0x7ff8000000000000n, one, 'f64'), undefined);
  for (const x of [0.1, -2.5, 1e300, 5e-324, 3.4028234663852886e38]) {
    for (const f of ['f64', 'x87', 'f128'] as FloatFormat[]) assert.is(fToNumber(fFromNumber(x, f), f), x);
  }
  assert.is(fToNumber(fFromNumber(0.1, 'f32'), 'f32'), Math.fround(0.1));
  assert.is(fToInt(roundToFormat('-0.9', 'f64'), 'f64', 32, false), 0n);
  assert.is(fToInt(roundToFormat('-1', 'f64'), 'f64', 32, false), undefined);
  assert.is(fToInt(roundToFormat('1e40', 'f128'), 'f128', 128, false), undefined);
  assert.is(fToInt(roundToFormat('1e38', 'f128'), 'f128', 128, false), 10n ** 38n);
  assert.is(fToInt(0x7ff8000000000000n, 'f64', 64, true), undefined);
  // the x87 unnormal (exponent set, integer bit clear) is an invalid operand
  assert.ok(fIsNaN(0x3fff0000000000000000n, 'x87'));
});

test.run();
