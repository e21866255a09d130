// -O2 proves dead the branches that gcc.c-torture's link_error tests expect gone: comparisons decided
// by a dominating branch (cond-prop), fabs(x) < 0, comparisons with NaN and infinities, shifts of 0
// and -1, loads of const globals, unreferenced static functions; and indirectbr targets keep no phis.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseModule } from '../../src/ir/parse';
import { printModule } from '../../src/ir/print';
import { runModule } from '../../src/ir/interp';
import { optimize } from '../../src/opt/pipeline';
import { Op } from '../../src/ir/ops';

function o2(src: string): string {
  const m = parseModule(`target ptr 8\n${src}`);
  optimize(m, { level: 2, debug: true });
  return printModule(m);
}

test('a comparison decided by a dominating branch on the same operands', () => {
  const t = o2(`func $f(i32 %x, i32 %y) {
@entry:
  %a =i32 slt %x, %y
  br %a, @t, @out
@t:
  %b =i32 sgt %x, %y
  br %b, @dead, @out
@dead:
  call $link_error()
  jmp @out
@out:
  ret
}
func $g(f64 %x, f64 %y) {
@entry:
  %a =i32 feq %x, %y
  br %a, @out, @e
@e:
  %b =i32 fne %x, %y
  br %b, @out, @dead
@dead:
  call $link_error()
  jmp @out
@out:
  ret
}`);
  assert.not.match(t, /link_error/);
});

test('unsigned and signed facts do not mix; NaN keeps fne open', () => {
  const t = o2(`func $f(i32 %x, i32 %y) {
@entry:
  %a =i32 slt %x, %y
  br %a, @t, @out
@t:
  %b =i32 ugt %x, %y
  br %b, @live, @out
@live:
  call $keep()
  jmp @out
@out:
  ret
}
func $g(f64 %x, f64 %y) {
@entry:
  %a =i32 flt %x, %y
  br %a, @out, @e
@e:
  %b =i32 fge %x, %y
  br %b, @out, @live
@live:
  call $keep2()
  jmp @out
@out:
  ret
}`);
  assert.match(t, /\$keep\(/);
  assert.match(t, /\$keep2\(/);
});

test('fabs < 0, x > inf, NaN compares, shifts of 0 and -1, const global loads', () => {
  const t = o2(`data readonly $one align 8 { i64 4607182418800017408 }
data $two align 8 { i64 4611686018427387904 }
func $f(f64 %x, i32 %n) {
@entry:
  %i =i64 bitcast %x
  %m =i64 and %i, 9223372036854775807
  %a =f64 bitcast %m
  %c =i32 flt %a, 0
  br %c, @d1, @n1
@d1:
  call $link_error()
  jmp @n1
@n1:
  %c2 =i32 fgt %x, inf
  br %c2, @d2, @n2
@d2:
  call $link_error()
  jmp @n2
@n2:
  %c3 =i32 feq %x, nan
  br %c3, @d3, @n3
@d3:
  call $link_error()
  jmp @n3
@n3:
  %s =i32 ashr -1, %n
  %c4 =i32 ne %s, -1
  br %c4, @d4, @n4
@d4:
  call $link_error()
  jmp @n4
@n4:
  %s2 =i32 shl 0, %n
  %c5 =i32 ne %s2, 0
  br %c5, @d5, @n5
@d5:
  call $link_error()
  jmp @n5
@n5:
  %o =f64 load $one align 8
  %oi =i32 fptosi %o
  %c6 =i32 ne %oi, 1
  br %c6, @d6, @n6
@d6:
  call $link_error()
  jmp @n6
@n6:
  %w =f64 load $two align 8
  %wi =i32 fptosi %w
  %c7 =i32 ne %wi, 2
  br %c7, @d7, @out
@d7:
  call $writable()
  jmp @out
@out:
  ret
}`);
  assert.not.match(t, /link_error/);
  assert.match(t, /writable/, 'a writable global is not folded');
});

test('an unreferenced internal function goes, with its undefined references', () => {
  const t = o2(`func internal $dead() -> i32 {
@entry:
  %v =i32 load $undefined_reference align 4
  ret %v
}
func internal $live() -> i32 {
@entry:
  ret 1
}
func $main() -> i32 {
@entry:
  %r =i32 call $live()
  ret %r
}`);
  assert.not.match(t, /undefined_reference/);
  assert.match(t, /\$live/);
});

test('a local array that never escapes keeps its values across a call (sroa + mem2reg)', () => {
  const src = `func $main() -> i32 {
@entry:
  %a =ptr alloca 40 align 4
  store i32 0, %a align 4
  %p =ptr add %a, i64 4
  store i32 7, %p align 4
  %r =i32 call $ext(i32 0)
  %v =i32 load %a align 4
  br %v, @dead, @ok
@dead:
  call $link_error()
  jmp @ok
@ok:
  %q =ptr add %a, i64 4
  %w =i32 load %q align 4
  ret %w
}`;
  const t = o2(src);
  assert.not.match(t, /link_error/);
  assert.match(t, /ret 7/);
  const esc = o2(src.replace('call $ext(i32 0)', 'call $ext(ptr %a)'));
  assert.match(esc, /link_error/, 'an escaping array is left alone');
});

test('indirectbr targets have no phis after -O2, and run the same', () => {
  const src = `target ptr 8
func $main() -> i32 {
@entry:
  jmp @a
@a:
  %i =i32 phi @entry 0, @a %i2, @b %i3
  %i2 =i32 add %i, 1
  %c =i32 slt %i2, 5
  %t =ptr select %c, &@a, &@b
  indirectbr %t, [@a, @b]
@b:
  %j =i32 phi @a %i2, @b %i3
  %i3 =i32 add %j, 10
  %d =i32 slt %i3, 40
  %u =ptr select %d, &@b, &@z
  indirectbr %u, [@a, @b, @z]
@z:
  ret %i3
}`;
  const want = runModule(parseModule(src));
  const m = parseModule(src);
  optimize(m, { level: 2, debug: true });
  const f = m.funcs[0];
  for (const b of f.layout) {
    const t = f.term(b);
    if (f.op[t] !== Op.IndirectBr) continue;
    for (let k = 1; k < f.argCount[t]; k++) assert.is.not(f.op[f.first[f.arg(t, k)]], Op.Phi);
  }
  const got = runModule(m);
  assert.is(got.exit, want.exit);
  assert.is(want.exit, 45);
});

test.run();
