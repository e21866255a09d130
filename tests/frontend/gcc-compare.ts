// One C program through gcc (LANG=C, the oracle) and through cc-ts in process with the same flags: the
// warning, note and located error lines of each, quotes made ASCII. For the -W tests.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { runFrontend } from './run';

const norm = (l: string) => l.replace(/[\u2018\u2019]/g, "'");
const DIAG = /^[^ ]*:\d+(:\d+)?: (warning|note|error): /;

/** `files`: other files (headers) beside test.c. `mode` 'S' compiles with -S (gcc's middle-end warnings), 'syntax' with -fsyntax-only. */
export function againstGcc(src: string, flags: string[], mode: 'syntax' | 'S' = 'syntax', files: Record<string, string> = {}): { got: string[]; want: string[]; errors: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-w-'));
  try {
    fs.writeFileSync(path.join(dir, 'test.c'), src);
    for (const [n, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, n), text);
    const m = mode === 'S' ? ['-S', '-o', 'out.s'] : ['-fsyntax-only'];
    const g = spawnSync('gcc', [...m, '-fno-diagnostics-show-caret', ...flags, 'test.c'],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
    if (g.error) throw new Error('gcc is needed as the oracle for this test');
    const want = String(g.stderr).split('\n').filter((l) => DIAG.test(l)).map(norm);
    const cwd = process.cwd();
    let r;
    try {
      process.chdir(dir);
      r = runFrontend([...m, '-fno-diagnostics-show-caret', ...flags, 'test.c']);
    } finally { process.chdir(cwd); }
    return { got: r.lines.filter((l) => DIAG.test(l)).map(norm), want, errors: r.errors };
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}
