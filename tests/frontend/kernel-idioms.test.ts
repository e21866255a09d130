// GNU C idioms of the Linux kernel that the front end once got wrong (found by
// tests/corpus/linux-syntax.ts): each program goes through `gcc -fsyntax-only` (LANG=C) and cc-ts in
// process with the same flags; the error and warning lines (file:line: severity: message, columns left
// out, in order) must be the same.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { againstGcc } from './gcc-compare';

const strip = (l: string) => l.replace(/^([^:]*:\d+):\d+:/, '$1:');

const CASES: { name: string; src: string; flags: string[] }[] = [
  {
    name: "void * and function pointers convert (GNU C); -pedantic says ISO C forbids it",
    src: "typedef int (*initcall_t)(void);\nvoid *g(void);\nvoid fp(void (*f)(void));\nvoid *vp;\n"
      + "initcall_t f(void) { return g(); }\ninitcall_t h;\nvoid k(void) { void *v = h; h = v; fp(vp); }\n",
    flags: ['-Wall', '-Werror=incompatible-pointer-types'],
  },
  {
    name: 'the same with -pedantic',
    src: "typedef int (*initcall_t)(void);\nvoid *g(void);\nvoid fp(void (*f)(void));\nvoid *vp;\n"
      + "initcall_t f(void) { return g(); }\ninitcall_t h;\nvoid k(void) { void *v = h; h = v; fp(vp); }\n",
    flags: ['-pedantic'],
  },
  {
    name: 'no warnings in operands that are not evaluated (sizeof, typeof, _Alignof, dead && || ?: sides)',
    src: "void *vp; int i;\nint a = sizeof(1/0);\nint b = sizeof(1<<40);\nint c(void) { return 0 && 1/0; }\n"
      + "int d(void) { return 1 ? 0 : 1/0; }\nint e(void) { return sizeof(*vp); }\n"
      + "int f(void) { __typeof__(*vp) *q = 0; return !q; }\nint g(void) { return _Alignof(*vp); }\n"
      + "int h(void) { return 1 || (1<<40); }\nint k(void) { return 0 ? *vp, 1 : 2; }\n"
      + "int l(void) { return i ? 1/0 : 2; }\nint m(void) { return _Generic(1, int: 1, long: 1/0); }\n"
      + "int n(void) { *vp; return (int)sizeof(*(8 ? ((void *)((long)(i) * 0l)) : (int *)8)); }\n",
    flags: ['-Wall'],
  },
  {
    name: '__builtin_constant_p ?: is a constant expression whatever the other arm (the kernel ilog2)',
    src: "int f32(unsigned); int f64(unsigned long);\n"
      + "#define ilog2(n) ( __builtin_constant_p(n) ? ((n) < 2 ? 0 : 63 - __builtin_clzll(n)) : (sizeof(n) <= 4) ? f32(n) : f64(n) )\n"
      + "int a[1 << (2 * ilog2(64 < 32 ? 64 : 32))];\nint e3[__builtin_constant_p(7) ? 3 : f32(1)];\n"
      + "int d1[1 ? 3 : f32(1)];\nint d2[0 ? f32(1) : 3];\nstatic int s1 = 1 ? 3 : f32(1);\n"
      + "int g(int x) { switch (x) { case 1 ? 3 : f32(1): return 1; case 0 ? f32(1) : 4: return 2; } return 0; }\n",
    flags: ['-Wall'],
  },
  {
    name: '-Waddress is not given for a test written in a macro; -Wint-in-bool-context not for ?: without middle',
    src: "struct s { int a[4]; int *p; char comm[8]; };\n#define EMPTY(l) ((l) == (int *)0)\n"
      + "#define PEEK(lp) ({ int *r = 0; if ((lp) && *(lp)) r = *(lp); r; })\n#define T(src) ((src) ? 1 : 2)\n"
      + "int f(struct s *x) { return EMPTY(x->a); }\nint g(struct s *x) { return x->a == 0; }\n"
      + "int h(struct s *x) { return T(x->comm); }\nint k(struct s *x) { return PEEK(&x->p) != 0; }\n"
      + "int m(struct s *x) { if (&x->p) return 1; return x->comm ? 1 : 2; }\n"
      + "int HZ; int q(int a, int b) { return a*HZ ?: b; }\nint q2(int a, int b) { return a*HZ ? 3: b; }\n",
    flags: ['-Wall'],
  },
  {
    name: '-fshort-wchar and -funsigned-char: L literals are UTF-16 unsigned short, char is unsigned',
    src: "typedef unsigned short u16;\nint g(const u16 *s);\nint f(void) { return g(L\"SecureBoot\"); }\n"
      + "_Static_assert(sizeof(L\"\\U0001F600\") == 6, \"utf16\");\n_Static_assert(L'\\xffff' == 65535, \"u\");\n"
      + "_Static_assert(sizeof(__WCHAR_TYPE__) == 2 && __WCHAR_MAX__ == 0xffff, \"m\");\n"
      + "_Static_assert((char)200 > 0 && __CHAR_UNSIGNED__, \"c\");\n#if L'\\xffff' < 0\n#error signed\n#endif\n",
    flags: ['-Wall', '-fshort-wchar', '-funsigned-char', '-Werror=incompatible-pointer-types'],
  },
  {
    name: '__alignof__ of a member is its alignment in the record, also of a flexible array member',
    src: "struct a { char c; void *ctx[] __attribute__((aligned(8))); };\n"
      + "struct b { char c; char d __attribute__((aligned(16))); int e; long long f; double g[]; };\n"
      + "struct __attribute__((packed)) c { char c; int i; long l; };\nstruct a *pa; struct b *pb; struct c *pc;\n"
      + "_Static_assert(__alignof__(pa->ctx) == 8 && __alignof__(pb->d) == 16 && __alignof__(pb->g) == 8, \"a\");\n"
      + "_Static_assert(__alignof__(pc->i) == 1 && __alignof__(pb->c) == 1, \"b\");\n",
    flags: ['-Wall'],
  },
  {
    name: 'a statement expression whose last statement is labelled has its value (the kernel wait_event)',
    src: "int f(int x) {\n  long r = ({ long __ret = x; if (x) goto __out; __ret = 2; __out: __ret; });\n"
      + "  int q = ({ x; l2: x + 1; });\n  return r + q;\n}\n",
    flags: ['-Wall', '-Wno-unused-label'],
  },
  {
    name: "gcc's spelling of pointer-to-function and pointer-to-array types",
    src: "int (*a)(void); int *(*b)(int); void (*c[3])(void); int (*d)[4]; void (*(*h)(int))(void);\n"
      + "int *const *l; int (*n[2])[3];\n"
      + "void t(void) { int x; x = a; x = b; x = c; x = d; x = h; x = l; x = n; (void)x; }\n",
    flags: [],
  },
  {
    name: "_Pragma's operand is macro-expanded (the kernel's __diag_push/__diag_ignore)",
    src: "#define __diag_str1(s) #s\n#define __diag_str(s) __diag_str1(s)\n#define __diag(s) _Pragma(__diag_str(GCC diagnostic s))\n"
      + "__diag(push)\n__diag(ignored \"-Wunused-variable\")\nint f(void) { int x; return 0; }\n__diag(pop)\n"
      + "int g(void) { int y; return 0; }\n",
    flags: ['-Wall'],
  },
  {
    name: 'no -Waddress for an address compared in a macro (list_entry_is_head); no -Wint-to-pointer-cast from an enum',
    src: "struct list_head { struct list_head *next; };\nstruct w { int a; struct list_head entry; };\n"
      + "#define is_head(pos, member) (&pos->member == 0)\nint f(struct w *pos) { return is_head(pos, entry); }\n"
      + "int g(struct w *pos) { return &pos->entry == 0; }\nenum e { A = 4 };\nvoid *h(enum e x, char c) { return (void *)x + (long)(void *)c; }\n",
    flags: ['-Wall'],
  },
  {
    name: '-fmacro-prefix-map renames __FILE__ and __BASE_FILE__ (the last matching map wins)',
    src: "_Static_assert(sizeof(__FILE__) == sizeof(\"y/st.c\"), \"file\");\n"
      + "_Static_assert(sizeof(__BASE_FILE__) == sizeof(\"y/st.c\"), \"base\");\n",
    flags: ['-fmacro-prefix-map=te=x/', '-ffile-prefix-map=te=y/'],
  },
  {
    name: "asm flag outputs: gcc's conditions, and its error for an unknown one",
    src: "int f(long a, long b) { _Bool l, z; __asm__(\"cmp %3, %2\" : \"=@ccl\"(l), \"=@ccz\"(z) : \"r\"(a), \"r\"(b)); return l + z; }\n"
      + "int g(void) { int c; __asm__(\"\" : \"=@ccfoo\"(c)); return c; }\n",
    flags: ['-Wall'],
  },
];

for (const c of CASES) {
  test(c.name, () => {
    const r = againstGcc(c.src, c.flags);
    const keep = /: (warning|error): /;
    assert.equal(r.got.filter((l) => keep.test(l)).map(strip), r.want.filter((l) => keep.test(l)).map(strip));
  });
}

test.run();
