// .symver: versioned symbol names in ELF objects, compared with GNU as.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ccAs, sameAsGnu } from './compare';

const same = sameAsGnu(test);

same('@, @@, @@@ on defined and undefined symbols; local, hidden, remove; two versions of one symbol', `
  .text
  .globl foo
foo: ret
  .symver foo, foo@V1
bar: ret
  .symver bar, bar@@V2
  .globl baz
baz: ret
  .symver baz, baz@@@V3
  .symver und, und@V4
  .symver und2, und2@@@V5
  call und
  call und2
  call foo
  .globl loc
loc: ret
  .symver loc, loc@V6, local
  .globl hid
hid: ret
  .symver hid, hid@V7, hidden
  .globl rem
rem: ret
  .symver rem, rem@@V8, remove
  .symver foo, foo@V9
  .symver foo, foo@V9
`);

same('types, sizes and weak binding are copied; relocations against a removed symbol name its version', `
  .text
  .globl foo
  .type foo, @function
foo: ret
  .size foo, 1
  .symver foo, foo@V1, remove
  .weak w
w: ret
  .symver w, w@@V2
  .data
  .globl d
  .type d, @object
d: .long 1
  .size d, 4
  .symver d, d@VD
  .text
  call foo
  .quad d
  .long w
`);

same('i386', `
  .globl f
f: ret
  .symver f, f@@VERS_1.0
  .symver g, g@VERS_0.9
  call g
`, 'i386');

test('errors', () => {
  const a = ccAs('.symver a, aV1\n', 'x86_64');
  assert.match(a.err, "missing version name in `aV1' for symbol `a'");
  const b = ccAs('.symver a, a@@V1\ncall a\n', 'x86_64');
  assert.match(b.err, "invalid attempt to declare external version name as default in symbol `a@@V1'");
  const c = ccAs('.symver u, u@V1\n.symver u, u@V2\ncall u\n', 'x86_64');
  assert.match(c.err, "multiple versions [`u@V2'|`u@V1'] for symbol `u'");
  const d = ccAs('a: ret\n.symver a, a@V2, foo\n', 'x86_64');
  assert.match(d.err, 'junk at end of line');
});

test.run();
