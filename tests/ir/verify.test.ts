// The verifier rejects malformed IR with exact messages; the parser reports syntax errors with
// file:line:col.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseModule } from '../../src/ir/parse';
import { verifyModule } from '../../src/ir/verify';
import { Module } from '../../src/ir/module';
import { Builder } from '../../src/ir/builder';
import { Op } from '../../src/ir/ops';
import { T } from '../../src/ir/types';

const v = (src: string) => verifyModule(parseModule('target ptr 8\n' + src));

const CASES: [string, string, string[]][] = [
  ['use not dominated', `func $f(i32 %a) -> i32 {
@entry:
  br %a, @x, @y
@x:
  %b =i32 add %a, 1
  jmp @y
@y:
  ret %b
}`, ['verify: $f @y: %b does not dominate this use']],
  ['use before def in a block', `func $f(i32 %a) -> i32 {
@entry:
  %c =i32 add %b, 1
  %b =i32 add %a, 1
  ret %c
}`, ['verify: $f @entry: %c: %b does not dominate this use']],
  ['phi arity', `func $f(i32 %a) -> i32 {
@entry:
  br %a, @x, @y
@x:
  jmp @y
@y:
  %p =i32 phi @x 1
  ret %p
}`, ['verify: $f @y: %p: phi has 1 incoming values for 2 predecessors']],
  ['phi names a non-predecessor', `func $f(i32 %a) -> i32 {
@entry:
  jmp @y
@y:
  %p =i32 phi @entry 1, @y 2
  ret %p
}`, ['verify: $f @y: %p: phi names @y, which is not a predecessor', 'verify: $f @y: %p: phi has 2 incoming values for 1 predecessors']],
  ['operand types', `func $f(i32 %a, i64 %b) -> i32 {
@entry:
  %c =i32 add %a, %b
  ret %c
}`, ["verify: $f @entry: %c: operand 2 of 'add' must be i32, not i64"]],
  ['compare operand types differ', `func $f(i32 %a, i64 %b) -> i32 {
@entry:
  %c =i32 slt %a, %b
  ret %c
}`, ["verify: $f @entry: %c: operand 2 of 'slt' must be i32, not i64"]],
  ['float op on integers', `func $f(i32 %a) -> i32 {
@entry:
  %c =i32 fadd %a, %a
  ret %c
}`, ["verify: $f @entry: %c: 'fadd' needs a float result type, not i32"]],
  ['ret type', `func $f(i64 %a) -> i32 {
@entry:
  ret %a
}`, ['verify: $f @entry: ret of i64 in a function returning i32']],
  ['trunc does not narrow', `func $f(i32 %a) -> i64 {
@entry:
  %b =i64 trunc %a
  ret %b
}`, ['verify: $f @entry: %b: trunc from i32 to i64 does not narrow']],
  ['alloca outside the entry block', `func $f() {
@entry:
  jmp @b
@b:
  %p =ptr alloca 4 align 4
  ret
}`, ["verify: $f @b: %p: 'alloca' outside the entry block"]],
  ['entry with predecessors', `func $f() {
@entry:
  jmp @entry
}`, ['verify: $f @entry: the entry block has predecessors']],
  ['switch case range empty', `func $f(i32 %a) {
@entry:
  switch %a, @x, 5..3: @x
@x:
  ret
}`, ['verify: $f @entry: switch case range 5..3 is empty']],
];

for (const [name, src, want] of CASES) {
  test(name, () => { assert.equal(v(src), want); });
}

test('missing terminator and terminator in the middle (built with the Builder)', () => {
  const m = new Module(8);
  const { b } = Builder.func(m, 'f', m.sig(m.abiVoid, []), []);
  const x = b.newBlock('x');
  b.setBlock(x);
  b.binary(Op.Add, T.I32, b.int(T.I32, 1), b.int(T.I32, 2));
  const f = m.funcs[0];
  f.append(f.entry, f.newInstr(Op.Ret, T.Void, []));
  f.append(f.entry, f.newInstr(Op.Ret, T.Void, []));
  assert.equal(verifyModule(m), [
    "verify: $f @entry: terminator 'ret' in the middle of the block",
    'verify: $f @x: block does not end with a terminator',
  ]);
});

test('call with the wrong argument count', () => {
  assert.equal(v(`func $g(i32 %a) -> i32 {
@entry:
  ret %a
}
func $f() -> i32 {
@entry:
  %r =i32 call $g(i32 1)
  %s =i32 call %r(i32 1)
  ret %s
}`), ['verify: $f @entry: %s: callee must be a pointer']);
});

test('parser errors carry file:line:col', () => {
  assert.throws(() => parseModule('target ptr 8\nfunc $f() {\n@entry:\n  %a =i32 frob 1\n}', 'x.ir'), /x\.ir:4:11: error: unknown instruction 'frob'/);
  assert.throws(() => parseModule('target ptr 8\nfunc $f() {\n@entry:\n  jmp @nowhere\n}', 'x.ir'), /x\.ir:4:7: error: undefined block @nowhere/);
  assert.throws(() => parseModule('target ptr 8\nfunc $f() -> i32 {\n@entry:\n  ret %zz\n}', 'x.ir'), /x\.ir:4:7: error: undefined value %zz/);
  assert.throws(() => parseModule('target ptr 8\nfunc $f() -> i32 {\n@entry:\n  %c =i32 slt 1, 2\n  ret %c\n}', 'x.ir'), /x\.ir:4:15: error: constant operand needs a type here/);
});

test.run();
