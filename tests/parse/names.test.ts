// Interned names (Token.id) and the AST node's packed and side fields: the tables indexed by name id
// (macros, keywords, file-scope identifiers) must see every way an identifier can be made, and the
// node accessors must read back what was written.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseC } from './util';
import { ppString, tokenSpellings } from '../pp/util';
import { lex } from '../../src/lex/lexer';
import { NAMES, TK, Token, nameId } from '../../src/lex/token';
import { SourceFile } from '../../src/diag/source';
import { Diagnostics } from '../../src/diag/diagnostics';
import { CK, NK, Node, TY } from '../../src/parse';
import { TARGETS } from '../../targets/layout';
import { Types } from '../../src/parse/types';

test('one id per spelling, from the lexer and from a string', () => {
  const f = new SourceFile(1, 't.c', 'abc abd abc x_1\nabc');
  const toks = lex(f, new Diagnostics(undefined, () => {}));
  const [a, b, c, d, e] = toks;
  assert.is(a.id, c.id);
  assert.is(a.id, e.id);
  assert.is.not(a.id, b.id);
  assert.is(a.id, nameId('abc'));
  assert.is(NAMES[d.id], 'x_1');
  assert.is(toks[toks.length - 1].id, 0, 'EOF has no name');
  // a token made from a string gets the same id; other kinds get 0
  assert.is(new Token(TK.Ident, 'abd', f, 0, 0).id, b.id);
  assert.is(new Token(TK.Number, '12', f, 0, 0).id, 0);
});

test('macros are found through every way an identifier is made', () => {
  const src = `#define AB one
#define CAT(a, b) a ## b
#define ID(x) x
#define S(x) #x
CAT(A, B) ID(AB) ID(CAT(A,B))
#undef AB
CAT(A, B)
#define AB two
CAT(A, B)
#pragma push_macro("AB")
#undef AB
AB
#pragma pop_macro("AB")
AB
#if defined(AB) && defined CAT && !defined(nope)
yes
#endif
#ifdef ID
yes2
#endif
`;
  const r = ppString(src);
  assert.is(r.messages, '');
  assert.equal(tokenSpellings(r.out), ['one', 'one', 'one', 'AB', 'two', 'AB', 'two', 'yes', 'yes2']);
});

test('keywords and typedef names by id, also after shadowing and in nested scopes', () => {
  const r = parseC(`typedef int T;
T g;
int f(void) {
  T a = 1;
  { int T = 2; a += T; }
  { T b = a; return b; }
}
unsigned long long u;
signed char sc;
long double ld;
`);
  assert.equal(r.messages, []);
  const ty = (n: string) => r.tu.decls.find((o) => o.name === n)!.ty.kind;
  assert.is(ty('g'), TY.Int);
  assert.is(ty('u'), TY.ULLong);
  assert.is(ty('sc'), TY.SChar);
  assert.is(ty('ld'), TY.LDouble);
});

test('conflicting type specifiers are still reported (memoised check)', () => {
  const r = parseC('long short a; unsigned signed b; long long long c; double long d; long double long e;');
  const errs = r.messages.filter((m) => m.includes('error'));
  assert.ok(errs.some((m) => m.includes("both 'long' and 'short' in declaration specifiers")), errs.join('\n'));
  assert.ok(errs.some((m) => m.includes("both 'signed' and 'unsigned' in declaration specifiers")), errs.join('\n'));
  assert.ok(errs.some((m) => m.includes("'long long long' is too long for GCC")), errs.join('\n'));
});

test('Node: packed fields and side fields read back, unset ones have their defaults', () => {
  const T = new Types(TARGETS.x86_64);
  const t = new Token(TK.Ident, 'x', new SourceFile(1, 't.c', 'x'), 0, 0);
  const n = new Node(NK.Cast, t, T.int);
  assert.is(n.ck, CK.NoOp);
  assert.is(n.op, NK.Null);
  assert.is(n.lvalue, false);
  assert.is(n.explicit, false);
  assert.is(n.builtin, -1);
  assert.is(n.cond, null);
  assert.is(n.fval, null);
  assert.is(n.member, null);
  n.ck = CK.ArrayDecay;
  n.explicit = true;
  n.op = NK.Shr;
  n.lvalue = true;
  assert.is(n.ck, CK.ArrayDecay);
  assert.is(n.op, NK.Shr);
  assert.ok(n.lvalue && n.explicit);
  n.lvalue = false;
  n.ck = CK.Load;
  assert.is(n.ck, CK.Load);
  assert.is(n.op, NK.Shr);
  assert.is(n.explicit, true);
  assert.is(n.lvalue, false);
  const c = new Node(NK.IntConst, t, T.int);
  n.cond = c;
  n.fval = 5n;
  n.builtin = 3;
  assert.is(n.cond, c);
  assert.is(n.fval, 5n);
  assert.is(n.builtin, 3);
  assert.is(n.then, null);
  n.cond = null;
  assert.is(n.cond, null);
  assert.is(n.fval, 5n);
});

test.run();
