// #pragma GCC diagnostic (src/diag/pragma.ts) against gcc 12: classification by the warning's location
// (also for warnings reported at the end of the unit or by the middle end), push/pop, `error` with
// [-Werror=...], `warning` enabling an option the command line left off, #warning under -Wcpp, the
// -Wpragmas messages, the _Pragma form, and the -E output keeping the pragma lines.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { againstGcc } from './gcc-compare';

const CASES: { name: string; src: string; flags?: string[]; mode?: 'S' | 'syntax'; files?: Record<string, string> }[] = [
  { name: 'by location: -Wunused-function at the end of the unit, control reaches end from the middle end', mode: 'S', src:
    '#pragma GCC diagnostic ignored "-Wunused-function"\nstatic int f(void) { return 0; }\n#pragma GCC diagnostic warning "-Wunused-function"\n' +
    'static int f2(void) { return 0; }\nint h(int a) {\n#pragma GCC diagnostic push\n#pragma GCC diagnostic ignored "-Wreturn-type"\n if (a) return 1;\n}\n' +
    '#pragma GCC diagnostic pop\nint h2(int a) {\n if (a) return 1;\n}\nint h3(int a) {\n if (a) return 1;\n#pragma GCC diagnostic ignored "-Wreturn-type"\n}\n' },
  { name: 'warning enables, error promotes, pop without push restores the command line', flags: [], src:
    'int g(void) { int x; return 1; }\n#pragma GCC diagnostic warning "-Wunused-variable"\nint g2(void) { int y; return 1; }\n' +
    '#pragma GCC diagnostic ignored "-Wunused-variable"\nint g3(void) { int z; return 1; }\n#pragma GCC diagnostic error "-Wunused-variable"\n' +
    'int g4(void) { int w; return 1; }\n#pragma GCC diagnostic push\n#pragma GCC diagnostic pop\n#pragma GCC diagnostic pop\nint g5(void) { int v; return 1; }\n' },
  { name: 'pragma warning overrides -Werror', flags: ['-Wall', '-Werror'], src:
    'int g(void) { int x; return 1; }\n#pragma GCC diagnostic warning "-Wunused-variable"\nint g2(void) { int y; return 1; }\n' },
  { name: 'only the named option: -Wunused and -Wformat are no groups here', flags: ['-Wall'], src:
    'int printf(const char *, ...);\nvoid g(void) { int x; printf("%d\\n", 1L); printf("%d\\n", 1, 2); }\n#pragma GCC diagnostic push\n' +
    '#pragma GCC diagnostic ignored "-Wunused"\n#pragma GCC diagnostic ignored "-Wformat"\nvoid g2(void) { int y; printf("%d\\n", 1L); printf("%d\\n", 1, 2);}\n' +
    '#pragma GCC diagnostic pop\nvoid g3(void) { int z; printf("%d\\n", 1L); printf("%d\\n", 1, 2);}\n' },
  { name: '#warning obeys -Wcpp', src: '#warning one\n#pragma GCC diagnostic ignored "-Wcpp"\n#warning two\n' },
  { name: '-Wpragmas messages', src:
    '#pragma GCC diagnostic ignored "-Wfoo-bar"\n#pragma GCC diagnostic\n#pragma GCC diagnostic blah\n#pragma GCC diagnostic ignored\n' +
    '#pragma GCC diagnostic ignored -Wunused\n#pragma GCC diagnostic ignored "foo"\n#pragma GCC diagnostic ignored "-Werror"\n#pragma GCC diagnostic ignored "-Wall"\n' +
    '#pragma GCC diagnostic ignored "-Wc++11-compat"\n#pragma GCC diagnostic ignored "-Wno-unused-variable"\n#pragma GCC diagnostic ignored "-Wformat=2"\n' +
    '#pragma GCC diagnostic ignored "-fpic"\n#pragma GCC diagnostic ignored "-Wunused-variable" "-Wfoo"\n#pragma GCC diagnostic ignored "-Wunused-variabl"\n' +
    '#pragma GCC diagnostic ignored "-Waliasing"\n#pragma GCC diagnostic ignored "-Wobjc-root-class"\n#pragma GCC diagnostic ignored L"-Wunused"\n' +
    '#pragma GCC diagnostic ignored "-Wunused-variable" junk\nvoid g(void) { int x; }\n' },
  { name: '_Pragma from a macro', src:
    '#define B _Pragma("GCC diagnostic ignored \\"-Wunused-variable\\"")\nvoid k0(void) { int a; }\nvoid h(void) {\nB\nint z;\n}\nvoid k(void) {\nint z;\n}\n' },
  { name: 'a header\'s pragmas apply after its #include', flags: ['-Wall'], files: { 'h.h': '#pragma GCC diagnostic ignored "-Wunused-variable"\n' }, src:
    'void f(void) { int a; }\n#include "h.h"\nvoid f2(void) { int a2; }\n#pragma GCC diagnostic warning "-Wunused-variable"\n#include "h.h"\n#pragma GCC diagnostic push\n#pragma GCC diagnostic ignored "-Wunused-variable"\nvoid g(void) { int b; }\n#pragma GCC diagnostic pop\nvoid h(void) { int c; }\n' },
];

for (const c of CASES) {
  test(c.name, () => {
    const r = againstGcc(c.src, c.flags ?? ['-Wall', '-Wextra'], c.mode, c.files);
    assert.equal(r.got, r.want);
  });
}

test('-E keeps the pragma lines', () => {
  const src = '#pragma GCC diagnostic push\n#pragma GCC diagnostic ignored "-Wunused-variable"\nint x;\n#pragma GCC diagnostic pop\n';
  const g = spawnSync('gcc', ['-E', '-P', '-'], { input: src, encoding: 'utf8' });
  const c = spawnSync(process.execPath, [path.join(__dirname, '../../../bin/cc-ts'), '-E', '-P', '-'], { input: src, encoding: 'utf8' });
  const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '');
  assert.equal(lines(c.stdout), lines(g.stdout));
});

test.run();
