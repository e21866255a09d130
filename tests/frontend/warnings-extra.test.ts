// gcc 12's -Wall/-Wextra warnings added after wall.test.ts's (-Wframe-address, -Wcast-function-type,
// -Wmissing-field-initializers, -Wshift-*, -Wtype-limits, -Wmissing-braces, -Wold-style-declaration...):
// each program goes through gcc (LANG=C) and through cc-ts in process with the same flags; the warning
// and note lines must be the same, with their columns, in the same order. Mode 'S' compiles with -S
// (gcc reports some of these from its middle end).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { runFrontend } from './run';

const norm = (l: string) => l.replace(/[\u2018\u2019]/g, "'");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-wextra-'));
let n = 0;

const CASES: { name: string; mode: 'syntax' | 'S'; src: string; flags?: string[] }[] = [
  {
    name: '-Wframe-address: nonzero levels in emitted functions, reachable code, after -Wunused-function', mode: 'S',
    src: 'static void *g(void) { return __builtin_return_address (1); }\nstatic inline void *h(void) { return __builtin_return_address (1); }\n' +
      'static inline void *h2(void) { return __builtin_frame_address (2); }\nvoid *k(void) { return h(); }\n' +
      'int x = sizeof(__builtin_frame_address(3));\nvoid *f(int a) {\n  if (0) return __builtin_frame_address(1);\n  void *p = __builtin_frame_address(1 + 1);\n' +
      '  if (a) return __builtin_return_address(0);\n  return p ? __builtin_frame_address (0) : __builtin_return_address(3);\n}\n' +
      'void *f2(void) { __builtin_abort(); return __builtin_frame_address(1); }\n',
  },
  { name: '-Wframe-address: not with -fsyntax-only (gcc warns when it expands the call)', mode: 'syntax', src: 'void *f(void) { return __builtin_frame_address(1); }\n' },
  { name: '-Wframe-address: not without -Wall', mode: 'S', src: 'void *f(void) { return __builtin_frame_address(1); }\n', flags: ['-Wextra'] },
  { name: '-Wcast-function-type: gcc\'s compatible argument and return types, void (*)(void), variadic and unprototyped types, type names', mode: 'syntax', src: "typedef int (*I)(int);\ntypedef void (*V)(void);\ntypedef void (*VV)();\nstruct S { int a; };\nenum E { A };\nint fi(int); long fl(long); unsigned fu(unsigned); int fv(void); int fu2(); int fva(int, ...);\nint fii(int, int); char fc(char); unsigned char fuc(unsigned char); short fs(short);\nvoid *fp(void *); int *fip(int *); double fd(double); float ff(float);\nstruct S fst(struct S); int fst2(struct S *); enum E fe(enum E); const int fk(const int);\nlong long fll(long long); _Bool fb(_Bool); signed char fsc(signed char);\nvoid g(void) {\n  void *p;\n  p = (I)fi; p = (I)fl; p = (I)fu; p = (I)fv; p = (I)fu2; p = (I)fva; p = (I)fii;\n  p = (V)fl; p = (VV)fl; p = (I)fc; p = (I)fuc; p = (I)fs; p = (I)fip;\n  p = (void *(*)(int *))fp; p = (int (*)(char *))fip; p = (double (*)(double))ff; p = (int (*)(struct S *))fst;\n  p = (int (*)(void *))fst2; p = (int (*)(int))fe; p = (enum E (*)(enum E))fi; p = (int (*)(int))fk;\n  p = (long (*)(long))fll; p = (int (*)(unsigned short))fs; p = (char (*)(unsigned char))fc;\n  p = (signed char (*)(char))fsc; p = (int (*)(int, ...))fii; p = (int (*)(int, int, ...))fva;\n  p = (int (*)(int, double))fva; p = (_Bool (*)(char))fb; p = (unsigned (*)(int))fi;\n  p = (void (*)(int))fi; p = (int (*)(long))fi; p = (V)(I)fi; p = (I)(V)fi;\n  p = (long (*)(long))(long (*)(long long))0; p = (I)(int (*)(const int))0;\n  p = (I)p; p = (void (**)(int))(I *)0;\n  I q = (I)(int (*)(int, int))fii;\n  (void)q;\n}\nstruct T;\nint a1(int, int); int a2(int x, int y); int a3(int, long); int a4(void *, long); int a5(long, int); int a6(int, void *);\nint a7(char, int); int a8(unsigned, int); int a9(int, unsigned); int a10(struct T *, int); int a11(int, struct T *); int a12(int, int, int);\ntypedef int myint; int a13(int, myint); int a14(double, int);\nvoid g2(void) {\n  void *p;\n  p = (void (*)(char))a1; p = (void (*)(char))a2; p = (void (*)(char))a3; p = (void (*)(char))a4; p = (void (*)(char))a5; p = (void (*)(char))a6;\n  p = (void (*)(char))a7; p = (void (*)(char))a8; p = (void (*)(char))a9; p = (void (*)(char))a10; p = (void (*)(char))a11; p = (void (*)(char))a12;\n  p = (void (*)(char))a13;p = (void (*)(char))a14;\n}\ntypedef int (*TI)(int, int);\nint kr(a) int a; { return a; }\nvoid g3(TI t) { void *p = (I)t; p = (const I)kr; p = (int (*)(int))(void *)fi; p = (I)(unsigned long)fi; (void)p; }\n" },
  { name: '-Wold-style-declaration: storage classes, inline, _Noreturn, __thread after a type; gcc\'s locations', mode: 'syntax', src: "int static a1;\nconst static int a2;\nint const static volatile a3 = 1;\n__attribute__((unused)) static int a4;\nstruct S { int x; } static a5;\nlong\n  extern\n    a6;\nint inline f1(void) { return 0; }\nvoid _Noreturn f2(void);\nint __thread a7;\nint register_ok(void) { int register r = 0; return r; }\ntypedef int T; T static a8;\n_Alignas(8) static int a9;\nint typedef T2;\nunsigned static a10 = 3, static_b;\nvoid g(void) { int static q; (void)q; }\nint static\n  b1;\nstruct { int x; } static b2;\nenum E { A } static b3;\nstruct S *static_b4;\nstruct T {\n  int x; } static b5;\nint\nstatic b6;\nunion U { int x; }\n  static b7;\nstruct S3 { int x; } __attribute__((unused)) static b8;\nconst int\n   x9, static_y; int const static b9;\nenum { A2, B2 = 3 } static c1;\nenum E2 { C2 } static c2; enum E2 static c3;\nenum F2 { D2, G2, } static c4;\nstruct { int x; } const static c5;\nint const struct_x; struct Z2 { int a; } static c6;\nstruct Q2 { int a; struct R2 { int b; } r; } static c7;\nenum H2 { I2 = sizeof(struct { int z; }) } static c8;\n", flags: ['-Wextra'] },
  { name: '-Wignored-qualifiers: qualified return types, at the specifiers\' qualifier, typedef name or declarator', mode: 'syntax', src: "const int f1(void);\nint const f2(void);\nstatic const int f3(void) { return 0; }\nvolatile void f4(void);\nconst void f5(void) { }\nint *const f6(void);\nint *restrict f7(void);\ntypedef const int CI;\nCI f8(void);\nconst CI f9(void);\nint (*const f10(void))(int);\n_Atomic int f11(void);\nconst struct S { int a; } f12(void);\nint g(const int (*p)(void), const int);\nextern const int x, f13(void), *const f14(void);\nvoid h(void) { const int lf(void); (void)lf; }\nint (* const (fp)(int));\nlong const unsigned f15(void);\nconst int (*pf)(void);\n" },
  { name: '-Wignored-qualifiers and -Wold-style-declaration need -Wextra', mode: 'syntax', src: 'const int f(void);\nint static x;\n', flags: ['-Wall'] },
  { name: '-Wshift-negative-value, -Wshift-overflow=: constant left shifts, not in unevaluated operands', mode: 'syntax', src: "int a = 1 << 31;\nint b = 2 << 31;\nint c = -1 << 3;\nint d = -2 << 31;\nlong e = 1L << 63;\nlong f = 3L << 62;\nint g = sizeof(2 << 31);\nint h(int x) {\n  int r = 0 && (2 << 31);\n  r += 1 ? 0 : (-1 << 2);\n  r += x << 2;\n  r += -x << 2;\n  r += (char)-1 << 2;\n  r += 0x7fffffff << 1;\n  r += (short)0x4000 << 17;\n  r += 'a' << 30;\n  r += -2147483647 - 1 << 1;\n  switch (x) { case -1 << 2: break; }\n  unsigned u = 1u << 31 | 3u << 31;\n  enum { E = 5 << 30 };\n  r += (long long)3 << 62;\n  return r + u + E;\n}\n" },
  { name: '-Wshift-negative-value, -Wshift-overflow=: not in C90', mode: 'syntax', src: "int a = 1 << 31;\nint b = 2 << 31;\nint c = -1 << 3;\nint d = -2 << 31;\nlong e = 1L << 63;\nlong f = 3L << 62;\nint g = sizeof(2 << 31);\nint h(int x) {\n  int r = 0 && (2 << 31);\n  r += 1 ? 0 : (-1 << 2);\n  r += x << 2;\n  r += -x << 2;\n  r += (char)-1 << 2;\n  r += 0x7fffffff << 1;\n  r += (short)0x4000 << 17;\n  r += 'a' << 30;\n  r += -2147483647 - 1 << 1;\n  switch (x) { case -1 << 2: break; }\n  unsigned u = 1u << 31 | 3u << 31;\n  enum { E = 5 << 30 };\n  r += (long long)3 << 62;\n  return r + u + E;\n}\n", flags: ['-std=gnu89', '-Wall', '-Wextra'] },
  { name: '-Wshift-overflow= is on by default, -Wshift-negative-value needs -Wextra', mode: 'syntax', src: "int a = 1 << 31;\nint b = 2 << 31;\nint c = -1 << 3;\nint d = -2 << 31;\nlong e = 1L << 63;\nlong f = 3L << 62;\nint g = sizeof(2 << 31);\nint h(int x) {\n  int r = 0 && (2 << 31);\n  r += 1 ? 0 : (-1 << 2);\n  r += x << 2;\n  r += -x << 2;\n  r += (char)-1 << 2;\n  r += 0x7fffffff << 1;\n  r += (short)0x4000 << 17;\n  r += 'a' << 30;\n  r += -2147483647 - 1 << 1;\n  switch (x) { case -1 << 2: break; }\n  unsigned u = 1u << 31 | 3u << 31;\n  enum { E = 5 << 30 };\n  r += (long long)3 << 62;\n  return r + u + E;\n}\n", flags: [] },
];

for (const c of CASES) {
  test(c.name, () => {
    const sub = path.join(dir, String(n++));
    fs.mkdirSync(sub);
    fs.writeFileSync(path.join(sub, 'test.c'), c.src);
    const flags = c.flags ?? ['-Wall', '-Wextra'];
    const mode = c.mode === 'S' ? ['-S', '-o', 'out.s'] : ['-fsyntax-only'];
    const g = spawnSync('gcc', [...mode, '-fno-diagnostics-show-caret', ...flags, 'test.c'],
      { cwd: sub, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
    if (g.error) assert.unreachable('gcc is needed as the oracle for this test');
    const want = String(g.stderr).split('\n').filter((l) => /: (warning|note): /.test(l)).map(norm);
    const cwd = process.cwd();
    let r;
    try {
      process.chdir(sub);
      r = runFrontend([...mode, ...flags, 'test.c']);
    } finally { process.chdir(cwd); }
    const got = r.messages.filter((l) => /: (warning|note): /.test(l)).map(norm);
    assert.equal(got, want);
    assert.is(r.errors, 0);
  });
}

test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
test.run();
