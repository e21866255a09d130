// Scalar arguments of every class (in registers and on the stack once registers run out, long double
// always on the stack, __int128 in register pairs), long double returns, and varargs in both
// directions (%al, the register save area, the overflow area, structs through va_arg), with gcc
// compiling the other side.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { haveTools, runIR } from './util';

interface Arg { ir: string; c: string; cval: string; irval: string; bytes: number; struct?: string }

const I = (ir: string, c: string, v: string, bytes: number): Arg => ({ ir, c, cval: v, irval: v, bytes });
const ARGS: Arg[] = [
  { ir: 'i8 sext', c: 'signed char', cval: '-5', irval: '-5', bytes: 1 },
  { ir: 'i16 zext', c: 'unsigned short', cval: '65000', irval: '65000', bytes: 2 },
  I('i32', 'int', '-123456', 4),
  I('i64', 'long', '0x123456789abcdef', 8),
  { ir: 'f32', c: 'float', cval: '1.5f', irval: '1.5', bytes: 4 },
  I('f64', 'double', '-2.75', 8),
  { ir: 'f80', c: 'long double', cval: '3.25L', irval: '3.25', bytes: 10 },
  { ir: 'i128', c: '__int128', cval: '(((__int128)0x1122334455667788) << 64) | 0x99aabbccddeeff00ULL', irval: '22774453838368691933757882222884355840', bytes: 16 },
  I('i64', 'long', '7', 8), I('i64', 'long', '8', 8), I('i64', 'long', '9', 8), I('i32', 'int', '10', 4),
  I('f64', 'double', '4.5', 8), I('f64', 'double', '5.5', 8), I('f64', 'double', '6.5', 8), I('f64', 'double', '7.5', 8),
  I('f64', 'double', '8.5', 8), I('f64', 'double', '9.5', 8), I('f64', 'double', '10.5', 8),
  { ir: 'f32', c: 'float', cval: '11.5f', irval: '11.5', bytes: 4 },
  { ir: 'f80', c: 'long double', cval: '-12.125L', irval: '-12.125', bytes: 10 },
  { ir: 'i128', c: '__int128', cval: '-3', irval: '-3', bytes: 16 },
  { ir: 'i8', c: 'char', cval: '99', irval: '99', bytes: 1 },
];

const STRUCTS = 'abitype :P = struct 8 align 4 { i32@0, i32@4 }\nabitype :Q = struct 16 align 8 { f64@0, f64@8 }\nabitype :B = struct 24 align 8 { i64@0, i64@8, i64@16 }\nabitype :M = struct 16 align 8 { i64@0, f64@8 }';
const CSTRUCTS = 'typedef struct { int a, b; } P; typedef struct { double x, y; } Q; typedef struct { long a, b, c; } B; typedef struct { long a; double x; } M;';

function storeIR(vals: string[], tys: string[]): string {
  return vals.map((v, k) => {
    const t = tys[k].split(' ')[0];
    if (t.startsWith(':')) return `  call $memcpy(ptr $buf+${32 * k}, ptr ${v}, i64 ${t === ':B' ? 24 : t === ':P' ? 8 : 16})`;
    return `  store ${t} ${v}, $buf+${32 * k} align 1`;
  }).join('\n');
}

function cCheck(vals: { c: string; cval: string; bytes: number }[], what: string): string {
  return vals.map((a, k) => `{ ${a.c} e = ${a.cval}; if (memcmp(buf + ${32 * k}, &e, ${a.bytes})) { printf("${what} arg %d\\n", ${k}); bad++; } }`).join('\n  ');
}

test('scalar arguments of every class, both directions; long double and __int128 returns', () => {
  haveTools();
  const params = ARGS.map((a, k) => `${a.ir} %a${k}`).join(', ');
  const ir = `target ptr 8
data $buf align 16 size 960
func $cg_scal(${params}) -> f80 {
@entry:
${storeIR(ARGS.map((_, k) => `%a${k}`), ARGS.map((a) => a.ir))}
  ret %a20
}
func $cg_call_scal() -> f80 {
@entry:
  %r =f80 call $c_scal(${ARGS.map((a) => `${a.ir} ${a.irval}`).join(', ')})
  ret %r
}
func $cg_i128(i128 %a, i128 %b) -> i128 {
@entry:
  %m =i128 mul %a, %b
  %s =i128 add %m, %b
  ret %s
}
func $cg_call_i128(i64 %x) -> i128 {
@entry:
  %a =i128 sext %x
  %r =i128 call $c_i128(i32 1, i32 2, i32 3, i32 4, i32 5, i128 %a, i128 %a)
  ret %r
}`;
  const cproto = ARGS.map((a, k) => `${a.c} a${k}`).join(', ');
  const c = `#include <stdio.h>
#include <string.h>
extern unsigned char buf[];
long double cg_scal(${cproto});
long double cg_call_scal(void);
__int128 cg_i128(__int128, __int128);
__int128 cg_call_i128(long);
long double c_scal(${cproto}) {
  memset(buf, 0, 32 * 30);
  ${ARGS.map((a, k) => `memcpy(buf + ${32 * k}, &a${k}, ${a.bytes});`).join(' ')}
  return a6 + a20;
}
__int128 c_i128(int a, int b, int c, int d, int e, __int128 x, __int128 y) { return x * y + a + b + c + d + e; }
int main(void) {
  int bad = 0;
  long double r = cg_scal(${ARGS.map((a) => a.cval).join(', ')});
  ${cCheck(ARGS, 'callee')}
  if (r != -12.125L) { printf("callee ret\\n"); bad++; }
  memset(buf, 0, 32 * 30);
  r = cg_call_scal();
  ${cCheck(ARGS, 'caller')}
  if (r != 3.25L - 12.125L) { printf("caller ret\\n"); bad++; }
  __int128 x = ((__int128)3 << 80) + 5, y = 7;
  if (cg_i128(x, y) != x * y + y) { printf("i128\\n"); bad++; }
  if (cg_call_i128(-6) != (__int128)36 + 15) { printf("i128 call\\n"); bad++; }
  printf("bad=%d\\n", bad);
  return 0;
}`;
  const r = runIR(ir, c);
  assert.is(r.stdout, 'bad=0\n');
});

interface VArg { ty: string; c: string; cval: string; irval: string; bytes: number }
const VA: VArg[] = [
  { ty: 'i32', c: 'int', cval: '-7', irval: '-7', bytes: 4 },
  { ty: 'f64', c: 'double', cval: '1.25', irval: '1.25', bytes: 8 },
  { ty: 'i64', c: 'long', cval: '0x1234567890L', irval: '78187493520', bytes: 8 },
  { ty: ':P', c: 'P', cval: '(P){3, 4}', irval: '$p_init', bytes: 8 },
  { ty: 'f80', c: 'long double', cval: '2.5L', irval: '2.5', bytes: 10 },
  { ty: ':Q', c: 'Q', cval: '(Q){5.5, 6.5}', irval: '$q_init', bytes: 16 },
  { ty: 'i128', c: '__int128', cval: '(__int128)-99', irval: '-99', bytes: 16 },
  { ty: ':B', c: 'B', cval: '(B){7, 8, 9}', irval: '$b_init', bytes: 24 },
  { ty: ':M', c: 'M', cval: '(M){10, 11.5}', irval: '$m_init', bytes: 16 },
  ...[1, 2, 3, 4, 5].map((k) => ({ ty: 'i64', c: 'long', cval: `${k * 100}L`, irval: `${k * 100}`, bytes: 8 })),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((k) => ({ ty: 'f64', c: 'double', cval: `${k}.5`, irval: `${k}.5`, bytes: 8 })),
  { ty: ':Q', c: 'Q', cval: '(Q){15.5, 16.5}', irval: '$q2_init', bytes: 16 },
  { ty: ':P', c: 'P', cval: '(P){13, 14}', irval: '$p2_init', bytes: 8 },
  { ty: 'f80', c: 'long double', cval: '-0.5L', irval: '-0.5', bytes: 10 },
];

test('varargs: cc-ts callee (va_start/va_arg of every class) and cc-ts caller (%al)', () => {
  haveTools();
  const body: string[] = [];
  VA.forEach((v, k) => {
    if (v.ty.startsWith(':')) body.push(`  %v${k} =ptr vaarg ${v.ty} %ap`);
    else body.push(`  %v${k} =${v.ty} vaarg %ap`);
  });
  const ir = `target ptr 8
${STRUCTS}
data $buf align 16 size 960
data $p_init align 4 { i32 3, i32 4 }
data $p2_init align 4 { i32 13, i32 14 }
data $q_init align 8 { x 0000000000001640, x 0000000000001a40 }
data $q2_init align 8 { x 0000000000002f40, x 0000000000803040 }
data $b_init align 8 { i64 7, i64 8, i64 9 }
data $m_init align 8 { i64 10, x 0000000000002740 }
func $cg_va(i32 %n, ...) -> i32 {
@entry:
  %ap =ptr alloca 24 align 8
  vastart %ap
${body.join('\n')}
  vaend %ap
${storeIR(VA.map((_, k) => `%v${k}`), VA.map((v) => v.ty))}
  ret %n
}
func $cg_call_va() -> i32 {
@entry:
  %r =i32 call $c_va(i32 ${VA.length}, ... ${VA.map((v) => `${v.ty} ${v.irval}`).join(', ')})
  ret %r
}`;
  const c = `#include <stdio.h>
#include <string.h>
#include <stdarg.h>
${CSTRUCTS}
extern unsigned char buf[];
int cg_va(int n, ...);
int cg_call_va(void);
int c_va(int n, ...) {
  va_list ap; va_start(ap, n);
  memset(buf, 0, 32 * 30);
  ${VA.map((v, k) => `{ ${v.c} x = va_arg(ap, ${v.c}); memcpy(buf + ${32 * k}, &x, ${v.bytes}); }`).join('\n  ')}
  va_end(ap);
  return n;
}
int main(void) {
  int bad = 0;
  if (cg_va(${VA.length}, ${VA.map((v) => v.cval).join(', ')}) != ${VA.length}) { printf("ret\\n"); bad++; }
  ${cCheck(VA, 'callee')}
  memset(buf, 0, 32 * 30);
  if (cg_call_va() != ${VA.length}) { printf("caller ret\\n"); bad++; }
  ${cCheck(VA, 'caller')}
  printf("bad=%d\\n", bad);
  return 0;
}`;
  const r = runIR(ir, c);
  assert.is(r.stdout, 'bad=0\n');
});

test.run();
