// System V AMD64 ABI interoperability with gcc in both directions: structs of many sizes and
// mixes as arguments (in registers and, when registers run out, on the stack) and as return values
// (rax/rdx, xmm0/xmm1, mixed, x87, memory via sret); scalars of every class; varargs callers and
// callees. The C side is compiled by gcc; the IR side by cc-ts.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { shape, cHelpers, irDecl, Shape } from './abi-gen';
import { haveTools, runIR } from './util';

const SHAPES: Shape[] = [
  ['c'], ['cc'], ['ccc'], ['s'], ['sss'], ['i'], ['ii'], ['iii'], ['iiii'], ['l'], ['ll'], ['lll'], ['ci'], ['cl'],
  ['ccccc'], ['ccccccc'], ['sc'], ['ic'], ['f'], ['ff'], ['fff'], ['ffff'], ['d'], ['dd'], ['ddd'], ['if'], ['fi'],
  ['di'], ['id'], ['ld'], ['dl'], ['cd'], ['dc'], ['ffi'], ['iff'], ['fid'], ['csfd'], ['D'], ['q'], ['qc'], ['pi'],
  ['iiiiiiii'], ['dddddddd'], ['llllllll'], ['cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc'], ['Di'],
].map(([f], k) => shape(`S${k}`, f));

function irSide(s: Shape): string {
  const n = s.name;
  return `
func $cg_id_${n}(:${n} %p) -> :${n} {
@entry:
  ret %p
}
func $cg_round_${n}(i32 %seed) -> i32 {
@entry:
  %t =ptr alloca ${s.size} align ${s.align}
  call $make_${n}(sret :${n} %t, i32 %seed)
  %r =i32 call $check_${n}(:${n} %t, i32 %seed)
  ret %r
}
func $cg_many_${n}(:${n} %a, :${n} %b, :${n} %c, :${n} %d, :${n} %e, i32 %seed) -> i32 {
@entry:
  %r1 =i32 call $check_${n}(:${n} %a, i32 %seed)
  %s1 =i32 add %seed, 1
  %r2 =i32 call $check_${n}(:${n} %b, i32 %s1)
  %s2 =i32 add %seed, 2
  %r3 =i32 call $check_${n}(:${n} %c, i32 %s2)
  %s3 =i32 add %seed, 3
  %r4 =i32 call $check_${n}(:${n} %d, i32 %s3)
  %s4 =i32 add %seed, 4
  %r5 =i32 call $check_${n}(:${n} %e, i32 %s4)
  %x1 =i32 add %r1, %r2
  %x2 =i32 add %x1, %r3
  %x3 =i32 add %x2, %r4
  %x4 =i32 add %x3, %r5
  ret %x4
}
func $cg_pass_${n}(i32 %seed) -> i32 {
@entry:
  %a =ptr alloca ${s.size} align ${s.align}
  %b =ptr alloca ${s.size} align ${s.align}
  %c =ptr alloca ${s.size} align ${s.align}
  %d =ptr alloca ${s.size} align ${s.align}
  %e =ptr alloca ${s.size} align ${s.align}
  call $make_${n}(sret :${n} %a, i32 %seed)
  %s1 =i32 add %seed, 1
  call $make_${n}(sret :${n} %b, i32 %s1)
  %s2 =i32 add %seed, 2
  call $make_${n}(sret :${n} %c, i32 %s2)
  %s3 =i32 add %seed, 3
  call $make_${n}(sret :${n} %d, i32 %s3)
  %s4 =i32 add %seed, 4
  call $make_${n}(sret :${n} %e, i32 %s4)
  %r =i32 call $c_many_${n}(:${n} %a, :${n} %b, :${n} %c, :${n} %d, :${n} %e, i32 %seed)
  ret %r
}`;
}

function cSide(s: Shape): string {
  const n = s.name;
  return `${cHelpers(s)}
${n} cg_id_${n}(${n});
int cg_round_${n}(int);
int cg_many_${n}(${n}, ${n}, ${n}, ${n}, ${n}, int);
int cg_pass_${n}(int);
int c_many_${n}(${n} a, ${n} b, ${n} c, ${n} d, ${n} e, int seed) {
  return check_${n}(a, seed) + check_${n}(b, seed + 1) + check_${n}(c, seed + 2) + check_${n}(d, seed + 3) + check_${n}(e, seed + 4);
}
static int test_${n}(void) {
  int bad = 0;
  ${n} v = make_${n}(5);
  if (!check_${n}(cg_id_${n}(v), 5)) { printf("${n}: id\\n"); bad++; }
  if (cg_round_${n}(7) != 1) { printf("${n}: round\\n"); bad++; }
  if (cg_many_${n}(make_${n}(1), make_${n}(2), make_${n}(3), make_${n}(4), make_${n}(5), 1) != 5) { printf("${n}: many\\n"); bad++; }
  if (cg_pass_${n}(9) != 5) { printf("${n}: pass\\n"); bad++; }
  return bad;
}
`;
}

test('struct arguments and returns, both directions, gcc as the oracle', () => {
  haveTools();
  const ir = ['target ptr 8', ...SHAPES.map(irDecl), ...SHAPES.map(irSide)].join('\n');
  const c = `#include <stdio.h>\n#include <string.h>\n${SHAPES.map(cSide).join('\n')}
int main(void) { int bad = 0; ${SHAPES.map((s) => `bad += test_${s.name}();`).join(' ')} printf("bad=%d\\n", bad); return 0; }`;
  const r = runIR(ir, c);
  assert.is(r.stdout, 'bad=0\n');
});

test.run();
