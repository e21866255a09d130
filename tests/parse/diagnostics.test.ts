// Diagnostics against gcc 12: each program is checked by gcc -fsyntax-only (LANG=C) and by cc-ts;
// the error and warning lines (file:line: severity: message, columns left out) must be the same.
// Programs with an `expect` list are checked against that known answer instead (exact text).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseC, gccMessages } from './util';

const strip = (l: string) => l.replace(/^(test\.c:\d+):\d+:/, '$1:').replace(/[\u2018\u2019]/g, "'");

const CASES: { name: string; src: string }[] = [
  { name: 'undeclared identifier', src: 'int f(void) { return x + x; }\nint g(void) { return y; }\n' },
  { name: 'undeclared at file scope', src: 'int a = b;\n' },
  { name: 'redefinition', src: 'int x = 1;\nint x = 2;\n' },
  { name: 'conflicting types', src: 'int f(int);\nlong f(int);\n' },
  { name: 'function redefinition', src: 'int f(void) { return 0; }\nint f(void) { return 1; }\n' },
  { name: 'too many arguments', src: 'int f(int a);\nint g(void) { return f(1, 2); }\n' },
  { name: 'too few arguments', src: 'int f(int a, int b);\nint g(void) { return f(1); }\n' },
  { name: 'duplicate case', src: 'int f(int x) { switch (x) { case 1: return 1; case 1: return 2; } return 0; }\n' },
  { name: 'non-constant static initializer', src: 'int f(void);\nint x = f();\n' },
  { name: 'assignment to const', src: 'void f(void) { const int c = 1; c = 2; }\n' },
  { name: 'assignment to read-only location', src: 'void f(const int *p) { *p = 2; }\n' },
  { name: 'return with value in void function', src: 'void f(void) { return 1; }\n' },
  { name: 'return without value', src: 'int f(void) { return; }\n' },
  { name: 'invalid operands', src: 'struct S { int a; };\nint f(struct S s) { return s + 1; }\n' },
  { name: 'lvalue required', src: 'void f(int a) { 1 = a; }\n' },
  { name: 'lvalue required for &', src: 'int *f(int a) { return &(a + 1); }\n' },
  { name: 'break outside loop', src: 'void f(void) { break; }\n' },
  { name: 'continue outside loop', src: 'void f(void) { continue; }\n' },
  { name: 'undefined label', src: 'void f(void) { goto out; }\n' },
  { name: 'incomplete type', src: 'struct S;\nstruct S s;\n' },
  { name: 'int-conversion warnings', src: 'int *f(int x) { int *p = x; return p; }\nint g(char *s) { return s; }\n' },
  { name: 'incompatible pointer types', src: 'void f(int *p) { char *q = p; q = p; }\n' },
  { name: 'incompatible types when assigning', src: 'void f(int *p) { p = 1.0; }\n' },
  { name: 'implicit function declaration', src: 'int f(void) { return g(1); }\n' },
  { name: 'implicit builtin declaration', src: 'void f(void) { abort(); }\n' },
  { name: 'called object not a function', src: 'void f(void) { int z; z(); }\n' },
  { name: 'no member', src: 'struct S { int a; };\nint f(struct S *s) { return s->b; }\n' },
  { name: 'member of non-struct', src: 'int f(int x) { return x.a; }\n' },
  { name: 'deref non-pointer', src: 'int f(int x) { return *x; }\n' },
  { name: 'subscript', src: 'int f(int x) { return x[1]; }\n' },
  { name: 'duplicate member', src: 'struct S { int a; int a; };\n' },
  { name: 'negative array size', src: 'int a[-1];\n' },
  { name: 'static assertion', src: '_Static_assert(1 == 2, "no");\n' },
  { name: 'void value', src: 'void g(void);\nint f(void) { int x = g(); return x; }\n' },
  { name: 'discarded qualifiers', src: 'void f(const char *s) { char *p = s; (void)p; }\n' },
  { name: 'case outside switch', src: 'void f(void) { case 1: ; }\n' },
  { name: 'redeclared as different kind', src: 'typedef int T;\nint T;\n' },
  { name: 'increment of read-only', src: 'void f(void) { const int c = 0; c++; }\n' },
  { name: 'division by zero', src: 'int f(int a) { return a / 0; }\n' },
  { name: 'shift count', src: 'int f(int a) { return a << 40; }\n' },
  { name: 'static after non-static', src: 'int f(void);\nstatic int f(void) { return 0; }\n' },
  { name: 'excess elements', src: 'int a[2] = { 1, 2, 3 };\n' },
  { name: 'unknown field', src: 'struct S { int a; } s = { .b = 1 };\n' },
  { name: 'sizeof incomplete', src: 'struct S;\nint n = sizeof(struct S);\n' },
  { name: 'redeclaration no linkage', src: 'void f(void) { int a; int a; }\n' },
  { name: 'bit-field width', src: 'struct S { int a : 40; };\n' },
  { name: 'multiple default', src: 'void f(int x) { switch (x) { default: ; default: ; } }\n' },
  { name: 'variably modified at file scope', src: 'int n;\nint a[n];\n' },
  { name: 'register address', src: 'int *f(void) { register int r = 0; return &r; }\n' },
  { name: 'duplicate label', src: 'void f(void) { a: ; a: ; }\n' },
  { name: 'structs with VLA members: static, extern, initialized, compound literal', src: 'int f(int n) {\n  static struct { int b[n]; } s;\n  extern int c[n];\n  struct T { char a[n]; } t = { 0 };\n  struct T u;\n  u = (struct T){ 0 };\n  return 0;\n}\n' },
];

for (const c of CASES) {
  test(c.name, () => {
    const want = gccMessages(c.src).map(strip);
    const got = parseC(c.src).messages.map(strip);
    assert.equal(got, want);
  });
}

test('many errors in one run, with recovery at ; and }', () => {
  const r = parseC('int f(void) { int a = ; return b; }\nint g(void) { return c; }\nint h = 1;\n');
  assert.ok(r.diag.errors >= 3);
  assert.ok(r.tu.decls.some((o) => o.name === 'h'));
});

test.run();
