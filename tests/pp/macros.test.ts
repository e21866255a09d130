// Macro expansion, directives and #if: small cases with their expected output, compared token by
// token (white space is not compared). The C17 6.10.3.5 examples come first.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ppString, tokenSpellings, firstDiff } from './util';

function expect(src: string, want: string, opts: Parameters<typeof ppString>[1] = {}): void {
  const r = ppString(src, opts);
  assert.is(r.messages, '', 'no diagnostics expected');
  const d = firstDiff(tokenSpellings(r.out), tokenSpellings(want));
  assert.ok(d === null, `${d}\n--- output:\n${r.out}`);
}

const CASES: [string, string, string][] = [
  ['C17 6.10.3.5 EXAMPLE 3', `#define x 3
#define f(a) f(x * (a))
#undef x
#define x 2
#define g f
#define z z[0]
#define h g(~
#define m(a) a(w)
#define w 0,1
#define t(a) a
#define p() int
#define q(x) x
#define r(x,y) x ## y
#define str(x) # x
f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
g(x+(3,4)-w) | h 5) & m
(f)^m(m);
p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
char c[2][6] = { str(hello), str() };`,
  `f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % f(2 * (0)) + t(1);
f(2 * (2+(3,4)-0,1)) | f(2 * (~ 5)) & f(2 * (0,1))^m(0,1);
int i[] = { 1, 23, 4, 5, };
char c[2][6] = { "hello", "" };`],
  ['C17 6.10.3.5 EXAMPLE 4', `#define str(s) # s
#define xstr(s) str(s)
#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \\
 x ## s, x ## t)
#define INCFILE(n) vers ## n
#define glue(a, b) a ## b
#define xglue(a, b) glue(a, b)
#define HIGHLOW "hello"
#define LOW LOW ", world"
debug(1, 2);
fputs(str(strncmp("abc\\0d", "abc", '\\4') // this goes away
 == 0) str(: @\\n), s);
xstr(INCFILE(2).h)
glue(HIGH, LOW);
xglue(HIGH, LOW)`,
  `printf("x" "1" "= %d, x" "2" "= %s", x1, x2);
fputs("strncmp(\\"abc\\\\0d\\", \\"abc\\", '\\\\4') == 0" ": @\\n", s);
"vers2.h"
"hello";
"hello" ", world"`],
  ['C17 6.10.3.5 EXAMPLE 5', `#define t(x,y,z) x ## y ## z
int j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),
 t(10,,), t(,11,), t(,,12), t(,,) };`, 'int j[] = { 123, 45, 67, 89, 10, 11, 12, };'],
  ['C17 6.10.3.5 EXAMPLE 6 (valid redefinitions)', `#define OBJ_LIKE (1-1)
#define OBJ_LIKE /* white space */ (1-1) /* other */
#define FUNC_LIKE(a) ( a )
#define FUNC_LIKE( a )( /* note the white space */ \\
 a /* other stuff on this line
 */ )
OBJ_LIKE FUNC_LIKE(3)`, '(1-1) ( 3 )'],
  ['C17 6.10.3.5 EXAMPLE 7', `#define debug(...) fprintf(stderr, __VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(test, ...) ((test)?puts(#test):\\
 printf(__VA_ARGS__))
debug("Flag");
debug("X = %d\\n", x);
showlist(The first, second, and third items.);
report(x>y, "x is %d but y is %d", x, y);`,
  `fprintf(stderr, "Flag");
fprintf(stderr, "X = %d\\n", x);
puts("The first, second, and third items.");
((x>y)?puts("x>y"): printf("x is %d but y is %d", x, y));`],
  ['C17 6.10.3.4 EXAMPLE (gcc: 2*9*g)', `#define f(a) a*g
#define g(a) f(a)
f(2)(9)`, '2*9*g'],
  ['recursion stops (painted blue)', `#define foo foo bar
#define bar foo
foo bar`, 'foo foo foo bar'],
  ['argument pre-expansion', `#define AA BB
#define BB AA
#define F(x) [x]
F(AA) F(BB)`, '[AA] [BB]'],
  ['__VA_OPT__', `#define E
#define F(a,...) f(a __VA_OPT__(,) __VA_ARGS__)
F(1) F(1,) F(1,E) F(1,2)
#define G(x, ...) __VA_OPT__(x ## x __VA_ARGS__) end
G(a) G(a, b c)`, 'f(1) f(1) f(1) f(1, 2) end aa b c end'],
  ['GNU comma paste and named variadic', `#define G(a,...) g(a, ## __VA_ARGS__)
G(1) G(1,) G(1,2)
#define H(fmt, args...) h(fmt, ## args)
H("x") H("x", 1, 2)
#define K(...) k(x, ## __VA_ARGS__)
K() K(1)`, 'g(1) g(1,) g(1,2) h("x") h("x", 1, 2) k(x) k(x,1)'],
  ['stringify spacing and escapes', `#define s(x) #x
s(  a   +  b  ) s("a\\n" 'c') s(a
b) s(\\)`, '"a + b" "\\"a\\\\n\\" \'c\'" "a b" "\\"'],
  ['a stringified argument keeps the space before its # in a later stringification (the kernel gfpflag_string)', `#define str(...) #__VA_ARGS__
#define xstr(...) str(__VA_ARGS__)
#define F(flag) {(long)flag, #flag}
#define G(flag) {(long)flag,#flag}
xstr(F(A)) xstr(G(B))`, '"{(long)A, \\"A\\"}" "{(long)B,\\"B\\"}"'],
  ['a macro expanding to nothing leaves its white space to the next token (stringified: the arm64 rcu_dereference_protected)', `#define str(...) #__VA_ARGS__
#define xstr(...) str(__VA_ARGS__)
#define E(x)
#define W(a) do {} while (a)
#define M(p) W(p); E(p); x; E(p) ;y
xstr(M(1)) xstr(a E(1)b) xstr(a E(1)E(2)b)`, '"do {} while (1); ; x; ;y" "a b" "a b"'],
  ['paste forming operators and numbers', `#define cat(a,b) a ## b
cat(+,+) cat(<<,=) cat(1,e) cat(0x,1f) cat(L, 'a') cat(u8, "s") cat(.,5)`, "++ <<= 1e 0x1f L'a' u8\"s\" .5"],
  ['object-like macro expanding to a function-like name', `#define f(x) (x+1)
#define g f
g(2) g (3) g`, '(2+1) (3+1) f'],
  ['function-like name without parentheses', `#define f(x) x
f; f
(1)`, 'f; 1'],
  ['#if arithmetic', `#if (-1 < 0u) == 0 && -1 / 2 == 0 && (1 ? -1 : 0u) > 0 && 0x7fffffffffffffff + 0 > 0
ok1
#endif
#if 'a' == 97 && '\\377' < 0 && L'\\xffffffff' < 0 && u'x' == 120
ok2
#endif
#if defined(X) || defined Y || !defined(__STDC__)
bad
#elif 1 << 63 < 0 && (1 || 1 / 0) && !(0 && 1 % 0)
ok3
#else
bad
#endif
#define ZERO 0
#if ZERO || UNDEFINED_ID
bad
#elifdef ZERO
ok4
#endif`, 'ok1 ok2 ok3 ok4'],
  ['#ifdef, nested skipped groups', `#define A
#ifdef A
#ifndef A
bad
#if garbage ( in skipped
#endif
#else
ok
#endif
#endif`, 'ok'],
  ['__LINE__, __FILE__, __COUNTER__, __INCLUDE_LEVEL__', `__LINE__ __FILE__
#line 100 "foo.c"
__LINE__ __FILE__ __COUNTER__ __COUNTER__ __INCLUDE_LEVEL__ __FILE_NAME__`, '1 "<stdin>" 100 "foo.c" 0 1 0 "foo.c"'],
  ['__has_* operators', `__has_include(<stddef.h>) __has_include("nonexistent-xyz.h") __has_attribute(packed) __has_attribute(__aligned__) __has_attribute(nonexistent) __has_c_attribute(nodiscard) __has_builtin(__builtin_expect) __has_builtin(nothing)
#if defined __has_include && __has_include(<stdint.h>)
yes
#endif`, '1 0 1 1 0 202003 1 0 yes'],
  ['pragmas', `#pragma once
#pragma GCC diagnostic push
#pragma pack(push, 4)
_Pragma("weak foo") x
#define P(x) _Pragma(#x)
P(redefine_extname a b)
#pragma push_macro("Q")
#define Q 1
Q
#pragma pop_macro("Q")
Q
#ident "v1"`, '#pragma GCC diagnostic push\n#pragma pack(push, 4)\n#pragma weak foo\nx\n#pragma redefine_extname a b\n1 Q\n#ident "v1"'],
  ['#undef and redefinition', `#define A 1
#undef A
#define A 2
A`, '2'],
  ['-D and -U in order', `A B C`, '1 x C'],
];

for (const [name, src, want] of CASES) {
  test(name, () => {
    const opts = name === '-D and -U in order'
      ? { cmdline: [{ kind: 'define' as const, value: 'A' }, { kind: 'define' as const, value: 'B=x' }, { kind: 'define' as const, value: 'C=3' }, { kind: 'undef' as const, value: 'C' }] }
      : {};
    const src2 = name === 'pragmas' ? src : src;
    if (name === 'pragmas') {
      const r = ppString(src2);
      assert.ok(/#pragma once in main file/.test(r.messages));
      const d = firstDiff(tokenSpellings(r.out), tokenSpellings(want));
      assert.ok(d === null, `${d}\n${r.out}`);
      return;
    }
    expect(src2, want, opts);
  });
}

test('__DATE__ and __TIME__ follow SOURCE_DATE_EPOCH', () => {
  const old = process.env.SOURCE_DATE_EPOCH;
  process.env.SOURCE_DATE_EPOCH = '86400';
  try {
    expect('__DATE__ __TIME__', '"Jan  2 1970" "00:00:00"');
  } finally {
    if (old === undefined) delete process.env.SOURCE_DATE_EPOCH; else process.env.SOURCE_DATE_EPOCH = old;
  }
});

// errors: the message and the line it is reported on (gcc's wording)
const ERRORS: [string, string, RegExp][] = [
  ['unterminated #if', '#if 1\nx\n', /^<stdin>:1:2: error: unterminated #if/m],
  ['#endif without #if', 'x\n#endif\n', /^<stdin>:2:2: error: #endif without #if/m],
  ['#else after #else', '#if 0\n#else\n#else\n#endif\n', /^<stdin>:3:2: error: #else after #else/m],
  ['#elif after #else', '#if 0\n#else\n#elif 1\n#endif\n', /^<stdin>:3:2: error: #elif after #else/m],
  ['too few arguments', '#define f(a,b) a\nf(1)\n', /^<stdin>:2:4: error: macro "f" requires 2 arguments, but only 1 given/m],
  ['too many arguments', '#define f(a) a\nf(1,2)\n', /^<stdin>:2:6: error: macro "f" passed 2 arguments, but takes just 1/m],
  ['unterminated argument list', '#define f(a) a\nf(1,\n', /error: unterminated argument list invoking macro "f"/],
  ['division by zero', '#if 1/0\n#endif\n', /^<stdin>:1:6: error: division by zero in #if/m],
  ['#error', '#error stop here\n', /^<stdin>:1:2: error: #error stop here/m],
  ['#warning', '#warning careful\n', /^<stdin>:1:2: warning: #warning careful \[-Wcpp\]/m],
  ['invalid directive', '#foo\n', /^<stdin>:1:2: error: invalid preprocessing directive #foo/m],
  ['# not followed by a parameter', '#define s(x) #y\n', /error: '#' is not followed by a macro parameter/],
  ['## at the end', '#define c(x) x ##\n', /error: '##' cannot appear at either end of a macro expansion/],
  ['invalid paste', '#define c(a,b) a ## b\nc(+,-)\n', /error: pasting "\+" and "-" does not give a valid preprocessing token/],
  ['missing include is fatal', '#include "no-such-header-xyz.h"\nx\n', /^<stdin>:1:10: fatal error: no-such-header-xyz.h: No such file or directory/m],
  ['missing binary operator', '#if 1 2\n#endif\n', /error: missing binary operator before token "2"/],
  ['missing expression', '#if\n#endif\n', /error: #if with no expression/],
  ['floating constant', '#if 1.0\n#endif\n', /error: floating constant in preprocessor expression/],
  ['defined without identifier', '#if defined(1)\n#endif\n', /error: operator "defined" requires an identifier/],
  ['macro name must be an identifier', '#define 3 x\n', /error: macro names must be identifiers/],
  ['defined as macro name', '#define defined\n', /error: "defined" cannot be used as a macro name/],
  ['redefinition', '#define A 1\n#define A 2\n', /^<stdin>:2:9: warning: "A" redefined[\s\S]*<stdin>:1:9: note: this is the location of the previous definition/m],
  ['missing terminating quote', "int x = 'a;\n", /^<stdin>:1:9: warning: missing terminating ' character/m],
  ['poisoned identifier', '#pragma GCC poison bad\nbad\n', /^<stdin>:2:1: error: attempt to use poisoned "bad"/m],
];

for (const [name, src, re] of ERRORS) {
  test(`error: ${name}`, () => {
    const r = ppString(src);
    assert.ok(re.test(r.messages), `got:\n${r.messages}`);
  });
}

test('assembly: spacing and lines as gcc prints them (white space separates GNU as macro arguments)', () => {
  const r = ppString('#define B(a,b) (a+b)\n#define A(x) ((x)*32)\n.skip -(B(144f-143f,\n 2))\n.long A(3*32+16) | 4\n', { asm: true });
  assert.is(r.messages, '');
  assert.ok(r.out.includes('.skip -((144f-143f +2))\n'), r.out);
  assert.ok(r.out.includes('.long ((3*32+16)*32) | 4'), r.out);
});

test('assembly: "# 32-bit ..." is a comment line, not a line marker (as gcc)', () => {
  expect('movl $1, %eax # 32-bit boot\n# 32-bit boot protocol\nnop\n', 'movl $1, %eax # 32-bit boot # 32-bit boot protocol nop', { asm: true });
});

test('assembly: a paste that is not one token keeps both tokens, without an error (as gcc)', () => {
  expect('#define SZ(n) .set .L__sym_size_##n, .-n\nSZ(.Lfoo)\n', '.set .L__sym_size_ .Lfoo, .-.Lfoo', { asm: true });
  const r = ppString('#define P(a,b) a##b\nP(x,.)\n', {});
  assert.match(r.messages, /pasting "x" and "." does not give a valid preprocessing token/);
});

test('assembly: a failed paste of a name and a stray backslash prints them adjacent (as gcc: SYM_END(\\op\\()_regs))', () => {
  // gcc -E prints `.L__sym_size_\op\()_safe_regs`; a blank after the name would split GNU as's symbol.
  const r = ppString('#define SZ(n) .set .L__sym_size_##n, .-n\nSZ(\\op\\()_safe_regs)\n', { asm: true });
  assert.is(r.messages, '');
  assert.ok(r.out.includes('.set .L__sym_size_\\op\\()_safe_regs, .-\\op\\()_safe_regs'), r.out);
});

test.run();
