// Integer and floating-point operations against gcc on many operand values: i8..i128 arithmetic,
// shifts, division (i128 through libgcc's __divti3 family), comparisons, unsigned 64-bit <-> float
// conversions, long double (x87) and __float128 (soft-float helpers).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { haveTools, runIR } from './util';

const OPS = ['add', 'sub', 'mul', 'and', 'or', 'xor', 'shl', 'lshr', 'ashr', 'sdiv', 'udiv', 'srem', 'urem'];
const CEXPR: Record<string, string> = {
  add: 'a + b', sub: 'a - b', mul: 'a * b', and: 'a & b', or: 'a | b', xor: 'a ^ b',
  shl: 'a << (b & (W - 1))', lshr: '(T)((U)a >> (b & (W - 1)))', ashr: 'a >> (b & (W - 1))',
  sdiv: 'a / b', udiv: '(T)((U)a / (U)b)', srem: 'a % b', urem: '(T)((U)a % (U)b)',
};
const TYPES: [string, string, string, number][] = [['i8', 'signed char', 'unsigned char', 8], ['i16', 'short', 'unsigned short', 16], ['i32', 'int', 'unsigned', 32], ['i64', 'long', 'unsigned long', 64], ['i128', '__int128', 'unsigned __int128', 128]];

test('integer binary ops of every width, compares, against gcc', () => {
  haveTools();
  const ir: string[] = ['target ptr 8'];
  const c: string[] = ['#include <stdio.h>'];
  const calls: string[] = [];
  for (const [t, ct, ut, w] of TYPES) {
    for (const op of OPS) {
      const isShift = op === 'shl' || op === 'lshr' || op === 'ashr';
      ir.push(`func $${op}_${t}(${t} %a, ${t} %b) -> ${t} {\n@e:\n${isShift ? `  %m =${t} and %b, ${w - 1}\n  %r =${t} ${op} %a, %m` : `  %r =${t} ${op} %a, %b`}\n  ret %r\n}`);
      c.push(`${ct} ${op}_${t}(${ct}, ${ct});`);
      c.push(`static ${ct} ref_${op}_${t}(${ct} a, ${ct} b) { typedef ${ct} T; typedef ${ut} U; enum { W = ${w} }; return ${CEXPR[op]}; }`);
      const div = op.endsWith('div') || op.endsWith('rem');
      calls.push(`for (int i = 0; i < NV; i++) for (int j = 0; j < NV; j++) { ${ct} a = (${ct})vals[i], b = (${ct})vals[j]; ${div ? 'if (b == 0 || (b == -1 && !((' + ut + ')a << 1))) continue;' : ''} if (${op}_${t}(a, b) != ref_${op}_${t}(a, b)) { bad++; if (bad < 10) printf("${op}_${t} %d %d\\n", i, j); } }`);
    }
    for (const cmp of [['slt', '<', ct], ['ult', '<', ut], ['sge', '>=', ct], ['ugt', '>', ut], ['eq', '==', ct], ['sle', '<=', ct]] as const) {
      ir.push(`func $${cmp[0]}_${t}(${t} %a, ${t} %b) -> i32 {\n@e:\n  %r =i32 ${cmp[0]} ${t} %a, %b\n  ret %r\n}`);
      c.push(`int ${cmp[0]}_${t}(${ct}, ${ct});`);
      calls.push(`for (int i = 0; i < NV; i++) for (int j = 0; j < NV; j++) { ${ct} a = (${ct})vals[i], b = (${ct})vals[j]; if (${cmp[0]}_${t}(a, b) != ((${cmp[2]})a ${cmp[1]} (${cmp[2]})b)) { bad++; if (bad < 10) printf("${cmp[0]}_${t} %d %d\\n", i, j); } }`);
    }
  }
  c.push(`static __int128 vals[] = { 0, 1, -1, 2, 3, 7, -8, 100, 127, 128, 255, 256, -32768, 65535, 0x7fffffff, -0x80000000LL, 0x123456789abcdefLL, -0x7fffffffffffffffLL - 1, ((__int128)0x5555 << 64) | 12345, -((__int128)1 << 100) };
enum { NV = sizeof vals / sizeof vals[0] };
int main(void) { int bad = 0;\n${calls.join('\n')}\nprintf("bad=%d\\n", bad); return 0; }`);
  const r = runIR(ir.join('\n'), c.join('\n'));
  assert.is(r.stdout, 'bad=0\n');
});

test('float conversions and arithmetic: f32 f64 f80 f128, unsigned 64-bit edges, NaN compares', () => {
  haveTools();
  const conv: [string, string, string, string, string][] = [
    // name, from ir, to ir, from C, to C, op
    ['u64_f64', 'i64', 'f64', 'unsigned long', 'double'], ['u64_f32', 'i64', 'f32', 'unsigned long', 'float'],
    ['s64_f64', 'i64', 'f64', 'long', 'double'], ['u32_f64', 'i32', 'f64', 'unsigned', 'double'],
    ['f64_u64', 'f64', 'i64', 'double', 'unsigned long'], ['f32_u64', 'f32', 'i64', 'float', 'unsigned long'],
    ['f64_s32', 'f64', 'i32', 'double', 'int'], ['f64_u32', 'f64', 'i32', 'double', 'unsigned'],
    ['u64_f80', 'i64', 'f80', 'unsigned long', 'long double'], ['f80_s64', 'f80', 'i64', 'long double', 'long'],
    ['f80_u64', 'f80', 'i64', 'long double', 'unsigned long'], ['f64_f80', 'f64', 'f80', 'double', 'long double'],
    ['f80_f32', 'f80', 'f32', 'long double', 'float'], ['s128_f64', 'i128', 'f64', '__int128', 'double'],
    ['f64_f128', 'f64', 'f128', 'double', '__float128'], ['f128_f64', 'f128', 'f64', '__float128', 'double'],
    ['s32_f128', 'i32', 'f128', 'int', '__float128'], ['f128_s64', 'f128', 'i64', '__float128', 'long'],
  ];
  const opOf = (n: string, from: string, to: string): string => {
    const unsignedSrc = n.startsWith('u'), unsignedDst = /_u\d+$/.test(n);
    if (from.startsWith('i')) return unsignedSrc ? 'uitofp' : 'sitofp';
    if (to.startsWith('i')) return unsignedDst ? 'fptoui' : 'fptosi';
    const rank = (t: string): number => ['f32', 'f64', 'f80', 'f128'].indexOf(t);
    return rank(to) > rank(from) ? 'fpext' : 'fptrunc';
  };
  const ir = ['target ptr 8', ...conv.map(([n, f, t]) => `func $${n}(${f} %a) -> ${t} {\n@e:\n  %r =${t} ${opOf(n, f, t)} %a\n  ret %r\n}`)];
  const fbin = ['f32', 'f64', 'f80', 'f128'].flatMap((t) => ['fadd', 'fsub', 'fmul', 'fdiv'].map((o) => [t, o]));
  for (const [t, o] of fbin) ir.push(`func $${o}_${t}(${t} %a, ${t} %b) -> ${t} {\n@e:\n  %r =${t} ${o} %a, %b\n  ret %r\n}`);
  for (const t of ['f32', 'f64', 'f80', 'f128']) for (const cmp of ['flt', 'fle', 'feq', 'fne', 'fuo', 'fgt']) ir.push(`func $${cmp}_${t}(${t} %a, ${t} %b) -> i32 {\n@e:\n  %r =i32 ${cmp} ${t} %a, %b\n  br %r, @y, @n\n@y:\n  ret 1\n@n:\n  ret 0\n}`);
  const CT: Record<string, string> = { f32: 'float', f64: 'double', f80: 'long double', f128: '__float128' };
  const CO: Record<string, string> = { fadd: '+', fsub: '-', fmul: '*', fdiv: '/' };
  const CC: Record<string, string> = { flt: 'a < b', fle: 'a <= b', feq: 'a == b', fne: 'a != b', fuo: '__builtin_isunordered(a, b)', fgt: 'a > b' };
  const c = `#include <stdio.h>
#include <string.h>
${conv.map(([n, , , fc, tc]) => `${tc} ${n}(${fc});`).join('\n')}
${fbin.map(([t, o]) => `${CT[t]} ${o}_${t}(${CT[t]}, ${CT[t]});`).join('\n')}
${['f32', 'f64', 'f80', 'f128'].flatMap((t) => Object.keys(CC).map((k) => `int ${k}_${t}(${CT[t]}, ${CT[t]});`)).join('\n')}
static double dv[] = { 0, 1, -1, 0.5, 3.75, 1e10, -1e10, 9.2233720368547758e18, 1.8446744073709550e19, 4294967295.0, 2147483647.0, -2147483648.0, 123456789.123, 1e-300 };
static unsigned long uv[] = { 0, 1, 2, 0x7fffffffffffffffUL, 0x8000000000000000UL, 0x8000000000000001UL, 0xffffffffffffffffUL, 0xfffffffffffff800UL, 12345678901234567UL, 0x20000000000001UL };
int main(void) { int bad = 0;
#define CHK(e, r, ty) { ty x_ = (e), y_ = (r); if (memcmp(&x_, &y_, sizeof(ty) == 16 && #ty[0] == 'l' ? 10 : sizeof(ty)) && !(x_ != x_ && y_ != y_)) { bad++; printf("%s line %d\\n", #e, __LINE__); } }
  for (int i = 0; i < 10; i++) { unsigned long u = uv[i];
    CHK(u64_f64(u), (double)u, double) CHK(u64_f32(u), (float)u, float) CHK(s64_f64((long)u), (double)(long)u, double)
    CHK(u32_f64((unsigned)u), (double)(unsigned)u, double) CHK(u64_f80(u), (long double)u, long double)
    CHK(s128_f64((__int128)(long)u * 3), (double)((__int128)(long)u * 3), double) CHK(s32_f128((int)u), (__float128)(int)u, __float128) }
  for (int i = 0; i < 14; i++) { double d = dv[i];
    if (d >= 0 && d < 1.8e19) { CHK(f64_u64(d), (unsigned long)d, unsigned long) CHK(f32_u64((float)d), (unsigned long)(float)d, unsigned long) CHK(f80_u64((long double)d), (unsigned long)(long double)d, unsigned long) }
    if (d > -2147483649.0 && d < 2147483648.0) CHK(f64_s32(d), (int)d, int)
    if (d >= 0 && d < 4294967296.0) CHK(f64_u32(d), (unsigned)d, unsigned)
    if (d > -9e18 && d < 9e18) { CHK(f80_s64((long double)d), (long)(long double)d, long) CHK(f128_s64((__float128)d), (long)(__float128)d, long) }
    CHK(f64_f80(d), (long double)d, long double) CHK(f80_f32((long double)d * 3), (float)((long double)d * 3), float)
    CHK(f64_f128(d), (__float128)d, __float128) CHK(f128_f64((__float128)d / 3), (double)((__float128)d / 3), double)
    for (int j = 0; j < 14; j++) { double e = dv[j];
${fbin.map(([t, o]) => `      CHK(${o}_${t}((${CT[t]})d, (${CT[t]})e), (${CT[t]})d ${CO[o]} (${CT[t]})e, ${CT[t]})`).join('\n')}
    }
  }
  double nan = __builtin_nan("");
  double cv[] = { 0, 1, -1, nan, 2.5 };
  for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) {
${['f32', 'f64', 'f80', 'f128'].map((t) => `    { ${CT[t]} a = cv[i], b = cv[j]; ${Object.entries(CC).map(([k, e]) => `if (${k}_${t}(a, b) != (${e})) { bad++; printf("${k}_${t} %d %d\\n", i, j); }`).join(' ')} }`).join('\n')}
  }
  printf("bad=%d\\n", bad); return 0; }`;
  const r = runIR(ir.join('\n'), c, {}, ['-lquadmath']);
  assert.is(r.stdout, 'bad=0\n');
});

test.run();
