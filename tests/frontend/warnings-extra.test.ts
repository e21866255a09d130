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
