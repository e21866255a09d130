// -Wall -Wextra warnings on the gcc.c-torture corpus against gcc 12: for every compile/ and execute/ file
// gcc accepts, the set of (line, option) warnings of `gcc -Wall -Wextra -S` and of cc-ts (in process, the
// same command line; -S because gcc reports "control reaches end of non-void function" from its middle end),
// restricted to the options cc-ts implements, gives per option: matched, cc-ts only (false positives),
// gcc only (missed), precision and recall; "col" counts the matches at the same column too.
//
//   node dist/tests/corpus/warnings-torture.js [--slice=N] [--flag=NAME] [--show] [--filter=STR]
//
// --slice=N takes every Nth file; --show prints each difference. gcc's warnings are cached per file in
// $CC_TS_TORTURE_CACHE/x86_64/warnings.json (default /tmp/cc-ts-torture-cache).

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { listFiles, gccStatus } from './torture-syntax';
import { runFrontend } from '../frontend/run';

const ROOT = process.env.CC_TS_TORTURE ?? '/var/cache/cc-ts-corpus/gcc-12.2.0/gcc/testsuite/gcc.c-torture';
const CACHE = process.env.CC_TS_TORTURE_CACHE ?? '/tmp/cc-ts-torture-cache';
const FLAGS = ['-Wall', '-Wextra'];

/** The options cc-ts implements (the comparison ignores the others). */
export const CHECKED = new Set([
  'return-type', 'format=', 'format-extra-args', 'format-zero-length', 'unused-value', 'unused-variable', 'unused-but-set-variable',
  'unused-parameter', 'unused-but-set-parameter', 'unused-label', 'unused-local-typedefs', 'parentheses',
  'switch', 'char-subscripts', 'sign-compare', 'enum-compare', 'bool-compare', 'logical-not-parentheses',
  'empty-body', 'main', 'address', 'sizeof-pointer-div', 'int-in-bool-context', 'unused-function',
  'implicit-fallthrough=', 'misleading-indentation',
  'frame-address', 'cast-function-type', 'old-style-declaration', 'ignored-qualifiers', 'shift-negative-value', 'shift-overflow=',
  'missing-field-initializers', 'missing-braces', 'type-limits', 'bool-operation', 'unused-const-variable=', 'infinite-recursion',
  // (on by default)
  'implicit-function-declaration', 'implicit-int', 'builtin-declaration-mismatch', 'incompatible-pointer-types', 'int-conversion',
  'int-to-pointer-cast', 'pointer-to-int-cast', 'pointer-sign', 'shift-count-negative',
]);

interface W { line: number; col: number; flag: string; text: string }

const WARN = /^([^:]+):(\d+):(\d+): warning: (.*) \[-W([^\]]+)\]$/;

function parse(lines: string[], file: string): W[] {
  const base = path.basename(file);
  const out: W[] = [];
  for (const l of lines) {
    const m = WARN.exec(l.replace(/[\u2018\u2019]/g, "'"));
    if (!m || path.basename(m[1]) !== base || !CHECKED.has(m[5])) continue;
    out.push({ line: +m[2], col: +m[3], flag: m[5], text: m[4] });
  }
  return out;
}

function gccWarnings(files: string[]): Map<string, W[]> {
  const f = path.join(CACHE, 'x86_64', 'warnings.json');
  let cache: Record<string, string[]> = {};
  if (fs.existsSync(f)) cache = JSON.parse(fs.readFileSync(f, 'utf8'));
  let added = 0;
  for (const file of files) {
    if (cache[file]) continue;
    // (gcc 12 -S loops on compile/asmgoto-5.c: such files are left out)
    const r = spawnSync('gcc', [...FLAGS, '-S', '-o', '/dev/null', '-fno-diagnostics-show-caret', file],
      { cwd: ROOT, encoding: 'utf8', timeout: 20000, env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
    cache[file] = r.status === 0 ? String(r.stderr).split('\n').filter((l) => l.includes(': warning: ')) : ['timeout'];
    if (++added % 200 === 0) fs.writeFileSync(f, JSON.stringify(cache));
  }
  if (added) { fs.mkdirSync(path.dirname(f), { recursive: true }); fs.writeFileSync(f, JSON.stringify(cache)); }
  const m = new Map<string, W[]>();
  for (const file of files) if (cache[file][0] !== 'timeout') m.set(file, parse(cache[file], file));
  return m;
}

export interface Tally { match: number; col: number; fp: number; fn: number }

export interface Result { per: Map<string, Tally>; diffs: string[]; files: number; skipped: number }

/** Compares the warnings of `files` (paths relative to the corpus root). */
export function compareWarnings(files: string[], only: string | null = null): Result {
  const status = gccStatus('x86_64', files);
  const want = gccWarnings(files.filter((f) => status.get(f) === 'ok'));
  const ok = [...want.keys()];
  const per = new Map<string, Tally>();
  const tally = (flag: string) => { let t = per.get(flag); if (!t) per.set(flag, t = { match: 0, col: 0, fp: 0, fn: 0 }); return t; };
  const diffs: string[] = [];
  const tmp = path.join(os.tmpdir(), `cc-ts-warn-${process.pid}.s`);
  const cwd = process.cwd();
  let skipped = 0;
  process.chdir(ROOT);
  try {
    for (const file of ok) {
      let r;
      try { r = runFrontend([...FLAGS, '-S', '-o', tmp, '-fno-diagnostics-show-caret', file]); } catch { skipped++; continue; }
      if (r.status !== 0) { skipped++; continue; }
      const got = parse(r.messages, file).filter((w) => !only || w.flag === only);
      const exp = want.get(file)!.filter((w) => !only || w.flag === only);
      const key = (w: W) => `${w.line} ${w.flag}`;
      const left = new Map<string, W[]>();
      for (const w of exp) { const k = key(w); let a = left.get(k); if (!a) left.set(k, a = []); a.push(w); }
      for (const w of got) {
        const a = left.get(key(w));
        if (a && a.length) {
          const i = Math.max(0, a.findIndex((x) => x.col === w.col));
          const [g] = a.splice(i, 1);
          tally(w.flag).match++;
          if (g.col === w.col) tally(w.flag).col++;
          else diffs.push(`COL  ${file}:${w.line}: [${w.flag}] gcc col ${g.col}, cc-ts ${w.col}: ${w.text}`);
        } else { tally(w.flag).fp++; diffs.push(`FP   ${file}:${w.line}:${w.col}: [${w.flag}] ${w.text}`); }
      }
      for (const a of left.values()) for (const w of a) { tally(w.flag).fn++; diffs.push(`FN   ${file}:${w.line}:${w.col}: [${w.flag}] ${w.text}`); }
    }
  } finally {
    process.chdir(cwd);
    fs.rmSync(tmp, { force: true });
  }
  return { per, diffs, files: ok.length, skipped };
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (n: string) => args.find((a) => a.startsWith(`--${n}=`))?.slice(n.length + 3) ?? null;
  const slice = Number(opt('slice') ?? 1);
  const filter = opt('filter');
  const files = listFiles().filter((f, i) => i % slice === 0 && (!filter || f.includes(filter)));
  const t0 = Date.now();
  const r = compareWarnings(files, opt('flag'));
  if (args.includes('--show')) for (const d of r.diffs) console.log(d);
  const pct = (a: number, b: number) => (b ? (100 * a / b).toFixed(1) : '-').padStart(6);
  let M = 0, FP = 0, FN = 0, C = 0;
  console.log('option                        match   col    fp    fn  precision recall');
  for (const [flag, t] of [...r.per].sort()) {
    M += t.match; FP += t.fp; FN += t.fn; C += t.col;
    console.log(`${flag.padEnd(28)} ${String(t.match).padStart(6)} ${String(t.col).padStart(5)} ${String(t.fp).padStart(5)} ${String(t.fn).padStart(5)}  ${pct(t.match, t.match + t.fp)}%  ${pct(t.match, t.match + t.fn)}%`);
  }
  console.log(`${'all'.padEnd(28)} ${String(M).padStart(6)} ${String(C).padStart(5)} ${String(FP).padStart(5)} ${String(FN).padStart(5)}  ${pct(M, M + FP)}%  ${pct(M, M + FN)}%`);
  console.log(`${r.files} files gcc accepts, ${r.skipped} not compiled by cc-ts, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (require.main === module) main();
