// -Wall warnings against gcc 12: each program goes through `gcc -fsyntax-only -Wall` (LANG=C) and through
// cc-ts in process (its own preprocessor, tests/frontend/run.ts) with the same flags; the warning lines
// (file:line: warning: message [-Wname], columns left out) must be the same, in the same order.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { runFrontend } from './run';

const strip = (l: string) => l.replace(/^([^:]*:\d+):\d+:/, '$1:').replace(/[\u2018\u2019]/g, "'");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-warn-'));
let n = 0;

const CASES: { name: string; src: string; flags?: string[] }[] = [
  { name: 'unused variables, in gcc order', src: 'int g(void);\nint f(int a)\n{\n  int unused1, b = 2;\n  static int s;\n  int c __attribute__((unused));\n  { int inner; }\n  return a + b;\n}\n' },
  { name: 'used by address, sizeof, in a nested block', src: 'void h(int *);\nint f(void)\n{\n  int a, b, c;\n  h(&a);\n  { return (int)sizeof b + c; }\n}\n' },
  { name: 'parameters and typedefs are not unused variables', src: 'int f(int unusedparam)\n{\n  typedef int T;\n  enum { A };\n  extern int e;\n  return 0;\n}\n' },
  { name: 'assignment as truth value', src: 'int g(void);\nint f(int a, int b)\n{\n  if (a = g()) return 1;\n  while (b = a) b--;\n  do a++; while (a = b);\n  for (;;) if ((a = 3)) return 2;\n}\n' },
  { name: 'assignment in for condition', src: 'int g(void);\nvoid f(void)\n{\n  for (int i = 0; i = g(); ) { }\n}\n' },
  { name: 'no -Wall, no warnings', src: 'int f(int a)\n{\n  int x;\n  if (a = 2) return 1;\n  return 0;\n}\n', flags: [] },
  { name: 'unused-variable alone', src: 'int f(int a)\n{\n  int x;\n  if (a = 2) return 1;\n  return 0;\n}\n', flags: ['-Wunused-variable'] },
  { name: '-Wall -Wno-parentheses', src: 'int f(int a)\n{\n  int x;\n  if (a = 2) return 1;\n  return 0;\n}\n', flags: ['-Wall', '-Wno-parentheses'] },
  { name: 'statement attribute fallthrough is no declaration', src: 'int f(int x)\n{\n  switch (x) {\n  case 1: x++; __attribute__((fallthrough));\n  case 2: return x;\n  }\n  return 0;\n}\n' },
  { name: 'static functions: -fsyntax-only does not report them (as gcc)', src: 'static int helper(void) { return 1; }\nint f(void) { return 0; }\n' },
  { name: 'suppressed in system headers', src: '#include <stdio.h>\n#include <stdlib.h>\nint main(void)\n{\n  int v;\n  return 0;\n}\n' },
];

for (const c of CASES) {
  test(c.name, () => {
    const sub = path.join(dir, String(n++));
    fs.mkdirSync(sub);
    const file = path.join(sub, 'test.c');
    fs.writeFileSync(file, c.src);
    const flags = c.flags ?? ['-Wall'];
    const g = spawnSync('gcc', ['-fsyntax-only', '-fno-diagnostics-show-caret', ...flags, 'test.c'],
      { cwd: sub, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
    if (g.error) assert.unreachable('gcc is needed as the oracle for this test');
    const want = String(g.stderr).split('\n').filter((l) => /: warning: /.test(l)).map(strip);
    const cwd = process.cwd();
    let r;
    try {
      process.chdir(sub);
      r = runFrontend(['-fsyntax-only', ...flags, 'test.c']);
    } finally { process.chdir(cwd); }
    const got = r.messages.filter((l) => /: warning: /.test(l)).map(strip);
    assert.equal(got, want);
    assert.is(r.errors, 0);
  });
}

test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
test.run();
