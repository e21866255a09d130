// -Wimplicit-fallthrough (src/parse/fallthrough.ts) against gcc 12 with -S (gcc reports it when it
// compiles a function): the statements that fall through, their locations, the note at the label, the
// fall-through comments of level 3 and __attribute__((fallthrough)), the exemptions (a break or goto
// after the label, nothing after it), and none under -fsyntax-only or for a function never compiled.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { againstGcc } from './gcc-compare';

const CASES: { name: string; src: string; flags?: string[]; mode?: 'S' | 'syntax' }[] = [
  { name: 'statements, loops, comments, attribute', src: "void foo(void); void abort(void) __attribute__((noreturn)); int x, y;\nvoid f(int a, int b) {\n  switch (a) {\n  case 0: foo();\n  case 1: x = 1;\n  case 2: x += 2;\n  case 3: if (b) foo();\n  case 4: if (b) return;\n  case 5: if (b) return; else foo();\n  case 6: if (b) return; else return;\n  case 7: { foo(); x = 3; }\n  case 8: break;\n  case 9: foo();\n  case 10: foo();\n  default: break;\n  }\n  switch (a) {\n  case 0: x++;\n  lab: foo();\n  case 1: while (b) foo();\n  case 2: for (;;) foo();\n  case 3: do foo(); while (0);\n  case 4: abort();\n  case 5: { }\n  case 6: ;\n  case 7: x = 1; /* fall through */\n  case 8: x = 1; // FALLTHRU\n  case 9: x = 1; __attribute__((fallthrough));\n  case 10: x = 1; /* FALLS-THROUGH */\n  case 11: x = 1; /* else fall through - yes */\n  case 12: x = 1; /* fallthrough */ /* other */\n  case 13: x = 1; /* nope fallthrough */\n  case 14: x = 1;\n    /* fall through */\n  case 15: if (b) { foo(); } else { x = 2; }\n  case 16: switch (b) { case 1: return; default: return; }\n  case 17: goto out;\n  case 18: x = b ? 1 : 2;\n  case 19: return;\n  }\nout:;\n}\n" },
  { name: 'returns, gotos, labels, blocks, declarations', src: "void foo(void); int x, y;\nint f(int a, int b) {\n  switch (a) {\n  case 0: foo();\n  case 1: return 1;\n  case 2: foo();\n  case 3: goto out;\n  case 4: foo();\n  case 5: x = b ? 1 : 2;\n  case 6: foo();\n  case 7: case 8: foo();\n  case 9: { foo(); }\n  case 10: { foo(); return 2; }\n  case 11: x++;\n  lab: foo();\n  case 12: x++;\n  lab2:\n  case 13: foo(); break;\n  case 14: foo(); break; foo();\n  case 15: while (1) { if (b) break; }\n  case 16: if (b) { foo(); return 1; } else if (a) { return 2; }\n  case 17: foo();\n  case 18: { int z = 3; y = z; }\n  case 19: { int z = 3; }\n  case 20: foo();\n  case 21: { return 1; } \n  case 22: foo();\n  }\nout:\n  return 0;\n}\n" },
  { name: 'if without else whose branch jumps', src: "void foo(void); int x;\nvoid f(int a, int b) {\n  switch (a) {\n  case 0: if (b) { foo(); goto out; }\n  case 1: if (b) goto out;\n  case 2: if (b) { foo(); return; }\n  case 3: if (b) { foo(); break; }\n  case 4: if (b) { foo(); }\n  case 5: x = 1; if (b) goto out;\n  case 6: foo();\n  }\nout:;\n}\n" },
  { name: 'comment spellings', src: 'void g(void);\nvoid f(int a) {\n  switch (a) {\n  case 0: g(); /* FALLTHRU */\n  case 1: g(); //fallthrough\n  case 2: g(); /* Fall through. */\n  case 3: g(); /*-fallthrough*/\n  case 4: g(); /* @fallthrough@ */\n  case 5: g(); /*@fallthrough@*/\n  case 6: g(); // Intentionally fall through\n  case 7: g(); // falls through\n  case 8: g(); /* FALLTHROUGH - see above */\n  case 9: g(); /* fall-thru */\n  case 10: g(); /* FallThrough */\n  case 11: g(); /* Fallthru */\n  case 12: g(); /* lint -fallthrough */\n  case 13: g(); /* fallthrough because */\n  case 14: g(); /*\n fall through */\n  case 15: g();\n  }\n}\n' },
  { name: 'none under -fsyntax-only', mode: 'syntax', src: "void foo(void); int x, y;\nint f(int a, int b) {\n  switch (a) {\n  case 0: foo();\n  case 1: return 1;\n  case 2: foo();\n  case 3: goto out;\n  case 4: foo();\n  case 5: x = b ? 1 : 2;\n  case 6: foo();\n  case 7: case 8: foo();\n  case 9: { foo(); }\n  case 10: { foo(); return 2; }\n  case 11: x++;\n  lab: foo();\n  case 12: x++;\n  lab2:\n  case 13: foo(); break;\n  case 14: foo(); break; foo();\n  case 15: while (1) { if (b) break; }\n  case 16: if (b) { foo(); return 1; } else if (a) { return 2; }\n  case 17: foo();\n  case 18: { int z = 3; y = z; }\n  case 19: { int z = 3; }\n  case 20: foo();\n  case 21: { return 1; } \n  case 22: foo();\n  }\nout:\n  return 0;\n}\n" },
  { name: 'none for an unused static function', src: 'void g(void);\nstatic void f(int a) {\n  switch (a) {\n  case 0: g();\n  case 1: g();\n  }\n}\nvoid h(int a) {\n  switch (a) {\n  case 0: g();\n  case 1: g();\n  }\n}\n' },
  { name: '-Wimplicit-fallthrough alone; -Wextra -Wno-implicit-fallthrough', flags: ['-Wimplicit-fallthrough'], src: "void foo(void); int x;\nvoid f(int a, int b) {\n  switch (a) {\n  case 0: if (b) { foo(); goto out; }\n  case 1: if (b) goto out;\n  case 2: if (b) { foo(); return; }\n  case 3: if (b) { foo(); break; }\n  case 4: if (b) { foo(); }\n  case 5: x = 1; if (b) goto out;\n  case 6: foo();\n  }\nout:;\n}\n" },
  { name: '-Wno-implicit-fallthrough', flags: ['-Wextra', '-Wno-implicit-fallthrough'], src: "void foo(void); int x;\nvoid f(int a, int b) {\n  switch (a) {\n  case 0: if (b) { foo(); goto out; }\n  case 1: if (b) goto out;\n  case 2: if (b) { foo(); return; }\n  case 3: if (b) { foo(); break; }\n  case 4: if (b) { foo(); }\n  case 5: x = 1; if (b) goto out;\n  case 6: foo();\n  }\nout:;\n}\n" },
];

for (const c of CASES) {
  test(c.name, () => {
    const r = againstGcc(c.src, c.flags ?? ['-Wextra'], c.mode ?? 'S');
    assert.equal(r.got, r.want);
    if (c.name.startsWith('statements')) assert.ok(r.want.length >= 20, 'the oracle reports the cases');
  });
}

test.run();
