// The typed AST: conversions are explicit Cast nodes, constants are folded, initializers flattened.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseC } from './util';
import { CK, NK, Node, TY } from '../../src/parse';

function fn(src: string, name = 'f') {
  const r = parseC(src);
  assert.equal(r.messages.filter((m) => m.includes('error')), []);
  return { r, f: r.tu.decls.find((o) => o.name === name)! };
}
function ret(src: string): Node {
  const { f } = fn(src);
  const list = f.body!.list!;
  return list[list.length - 1].lhs!;
}
function glob(src: string, name: string) {
  const r = parseC(src);
  assert.equal(r.messages.filter((m) => m.includes('error')), []);
  return r.tu.decls.find((o) => o.name === name)!;
}

test('lvalue conversion and integer promotion are Cast nodes', () => {
  const e = ret('int f(char c, short s) { return c + s; }');
  assert.is(e.kind, NK.Add);
  assert.is(e.ty.kind, TY.Int);
  assert.is(e.lhs!.kind, NK.Cast);
  assert.is(e.lhs!.ck, CK.Convert);
  assert.is(e.lhs!.lhs!.ck, CK.Load);
  assert.is(e.lhs!.lhs!.lhs!.kind, NK.Var);
});

test('usual arithmetic conversions: int + unsigned long -> unsigned long, then to the return type', () => {
  const e = ret('int f(int a, unsigned long b) { return a + b; }');
  assert.is(e.kind, NK.Cast);
  assert.is(e.lhs!.ty.kind, TY.ULong);
});

test('array decay and pointer arithmetic', () => {
  const e = ret('int f(void) { int a[4]; return a[2]; }');
  assert.is(e.kind, NK.Cast); // load
  assert.is(e.lhs!.kind, NK.Deref);
  const add = e.lhs!.lhs!;
  assert.is(add.kind, NK.Add);
  assert.is(add.lhs!.ck, CK.ArrayDecay);
  assert.is(add.rhs!.ty.kind, TY.Long);
});

test('null pointer constant', () => {
  const e = ret('void *f(void) { return 0; }');
  assert.is(e.ck, CK.NullPtr);
});

test('integer constant folding with wrap-around', () => {
  assert.is(glob('unsigned char x = 255 + 2;', 'x').init![0].expr.val, 1n);
  assert.is(glob('int x = sizeof(long) * 3 + (1 << 4) - (-7 % 3);', 'x').init![0].expr.val, 41n);
  assert.is(glob('long x = 0x7fffffff + 1L;', 'x').init![0].expr.val, 2147483648n);
  assert.is(glob('int x = (int)4294967297ULL;', 'x').init![0].expr.val, 1n);
  assert.is(glob('int x = 1 ? 2 : 3, y;', 'x').init![0].expr.val, 2n);
});

test('offsetof idiom folds', () => {
  const o = glob('struct S { char a; int b[3]; }; unsigned long x = (unsigned long)&((struct S *)0)->b[2];', 'x');
  assert.is(o.init![0].expr.val, 12n);
  const o2 = glob('#include <stddef.h>\nstruct S { char a; double d; }; int x = offsetof(struct S, d);', 'x');
  assert.is(o2.init![0].expr.val, 8n);
});

test('floating constant folding through src/numeric', () => {
  const o = glob('double x = 1.5 * 2 + 0.25;', 'x');
  assert.is(o.init![0].expr.fval, 0x400A000000000000n); // 3.25
});

test('designated initializers are flattened and sorted; later designators win', () => {
  const o = glob('struct P { int x, y; }; struct P a[3] = { [2].y = 5, [0] = { 1, 2 }, [2].y = 6, [1 ... 1].x = 7 };', 'a');
  const items = o.init!.map((i) => [i.offset, i.expr.val]);
  assert.equal(items, [[0, 1n], [4, 2n], [8, 7n], [20, 6n]]);
});

test('unknown array size from initializer; string initializer', () => {
  assert.is(glob('int a[] = { 1, 2, [9] = 3 };', 'a').ty.len, 10);
  const s = glob('char s[] = "abc";', 's');
  assert.is(s.ty.len, 4);
  assert.is(s.init![0].expr.kind, NK.StrLit);
});

test('bit-field initializer items carry bit positions', () => {
  const o = glob('struct B { unsigned a : 3, b : 5; } x = { 1, 2 };', 'x');
  assert.equal(o.init!.map((i) => [i.offset, i.bitOffset, i.bitWidth]), [[0, 0, 3], [0, 3, 5]]);
});

test('address constants in static initializers', () => {
  const o = glob('int arr[10]; int *p = &arr[3] + 1;', 'p');
  assert.is(o.init!.length, 1);
});

test('VLA sizeof is evaluated at run time', () => {
  const e = ret('unsigned long f(int n) { int a[n][3]; return sizeof a; }');
  assert.is(e.kind, NK.SizeofVLA);
});

test('switch case list with ranges', () => {
  const { f } = fn('int f(int x) { switch (x) { case 1 ... 3: return 1; case 7: return 2; default: return 0; } }');
  const sw = f.body!.list![0];
  assert.equal(sw.list!.map((c) => [c.kind, c.val, c.val2]), [[NK.Case, 1n, 3n], [NK.Case, 7n, 7n], [NK.Default, null, null]]);
});

test('GNU extensions parse: statement expressions, typeof, labels as values, asm goto', () => {
  const r = parseC(`
    #define max(a,b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
    int f(int x) {
      static void *tbl[] = { &&l1, &&l2 };
      __auto_type y = max(x, 3);
      goto *tbl[y & 1];
    l1: asm goto ("jmp %l0" :::: l2);
    l2: return y;
    }
    struct __attribute__((packed)) S { char c; int i; } s;
    _Static_assert(sizeof(struct S) == 5, "packed");
    int g(int n) { int v[n]; return _Generic(v[0], int: 1, default: 2); }
  `);
  assert.equal(r.messages, []);
});

test.run();
