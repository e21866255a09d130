// Negative tests of the front end: every tests/errors/cases/*.c is an invalid C program whose first
// error (by gcc 12, -std=gnu17, default options) is on the line marked `/* ERROR */` or `// ERROR`.
//
// Each case is checked twice:
//   1. the oracle: `gcc -fsyntax-only -std=gnu17` must reject the file, and its first error must
//      be on the marked line (so a wrong test shows up as a failure of the test itself);
//   2. cc-ts: driverMain(['-fsyntax-only', file]) must return 1, print `file:LINE:COL: error: ...`
//      (or `fatal error`) with LINE the marked line as its first error, and not crash or hang.
// tests/errors/valid/*.c are programs that gcc accepts with warnings (on the lines marked
// `/* WARNING */`); cc-ts must accept them (status 0, no error).
//
// cc-ts runs in process in worker threads (tests/fuzz/pool.ts), each run limited to 5 s.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FrontendPool, RunResult, firstError } from '../fuzz/pool';
import { findRepoRoot } from '../fuzz/torture';

const MIN_CONFIRMED = 150;

/**
 * tests/errors/expected-failures.txt: cases cc-ts does not get right yet, one per line as
 * `NAME.c  reason`. Such a case must still not crash or hang; if it starts passing, the test fails
 * until the line is removed, so the list can only shrink honestly.
 */
function readExpectedFailures(file: string): Map<string, string> {
  const m = new Map<string, string>();
  if (!fs.existsSync(file)) return m;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const sp = t.search(/\s/);
    m.set(sp < 0 ? t : t.slice(0, sp), sp < 0 ? '' : t.slice(sp).trim());
  }
  return m;
}

const root = findRepoRoot();
const casesDir = path.join(root, 'tests/errors/cases');
const validDir = path.join(root, 'tests/errors/valid');
const xfail = readExpectedFailures(path.join(root, 'tests/errors/expected-failures.txt'));

interface GccVerdict { ok: boolean; why: string; line: number | null; warnLines: Set<number>; status: number | null }

function listC(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.c')).sort().map((f) => path.join(dir, f));
}

/** 1-based line numbers of the lines carrying `marker` in a comment. */
function markedLines(file: string, marker: 'ERROR' | 'WARNING'): number[] {
  const re = marker === 'ERROR' ? /\/\* ERROR \*\/|\/\/ ERROR\b/ : /\/\* WARNING \*\//;
  const out: number[] = [];
  fs.readFileSync(file, 'latin1').split('\n').forEach((l, i) => { if (re.test(l)) out.push(i + 1); });
  return out;
}

function runGcc(file: string): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('gcc', ['-fsyntax-only', '-std=gnu17', '-fno-diagnostics-color', file], {
      stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' },
    });
    let out = '';
    child.stderr.on('data', (d) => { out += d; });
    child.on('error', (e) => resolve({ status: null, out: String(e) }));
    child.on('close', (code) => resolve({ status: code, out }));
  });
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

async function gccVerdict(file: string, kind: 'invalid' | 'valid'): Promise<GccVerdict> {
  const r = await runGcc(file);
  const warnLines = new Set<number>();
  for (const l of r.out.split('\n')) {
    const m = /^[^:]+:(\d+)(?::\d+)?: warning: /.exec(l);
    if (m) warnLines.add(Number(m[1]));
  }
  const v: GccVerdict = { ok: false, why: '', line: null, warnLines, status: r.status };
  if (kind === 'valid') {
    const want = markedLines(file, 'WARNING');
    if (r.status !== 0) v.why = `gcc rejects it (status ${r.status}):\n${r.out}`;
    else if (want.length === 0) v.why = 'no line is marked /* WARNING */';
    else if (want.some((l) => !warnLines.has(l))) v.why = `gcc warns on lines [${[...warnLines]}], marked [${want}]`;
    else v.ok = true;
    return v;
  }
  const marked = markedLines(file, 'ERROR');
  const first = firstError(r.out);
  v.line = first ? first.line : null;
  if (marked.length !== 1) v.why = `expected exactly one ERROR marker, found ${marked.length}`;
  else if (r.status === 0) v.why = 'gcc accepts the file';
  else if (!first) v.why = `gcc printed no located error:\n${r.out}`;
  else if (first.line !== marked[0]) v.why = `gcc's first error is on line ${first.line}, marked line is ${marked[0]}: ${first.text}`;
  else v.ok = true;
  return v;
}

const invalid = listC(casesDir);
const valid = listC(validDir);
const gcc = new Map<string, GccVerdict>();
const cc = new Map<string, RunResult>();
let setupError: string | null = null;

const counts = { confirmed: 0, rightLine: 0, otherLine: 0, accepted: 0, crashed: 0, hung: 0, noLocation: 0 };

test.before(async () => {
  const probe = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    setupError = 'gcc is required as the oracle for tests/errors (apt-get install gcc)';
    return;
  }
  await mapLimit([...invalid.map((f) => [f, 'invalid'] as const), ...valid.map((f) => [f, 'valid'] as const)], 2,
    async ([f, kind]) => { gcc.set(f, await gccVerdict(f, kind)); });
  const pool = new FrontendPool({ size: 2, timeoutMs: 5000 });
  try {
    await Promise.all([...invalid, ...valid].map(async (f) => { cc.set(f, await pool.run(['-fsyntax-only', f])); }));
  } finally {
    await pool.close();
  }
});

function describe(r: RunResult): string {
  if (r.hang) return `cc-ts hung (killed after ${Math.round(r.ms)} ms)`;
  if (r.crash) return `cc-ts crashed: ${r.crash.split('\n').slice(0, 6).join('\n')}`;
  return `status ${r.status}, stderr:\n${r.stderr.split('\n').slice(0, 12).join('\n')}`;
}

for (const file of invalid) {
  const name = path.basename(file);
  test(`error ${name}`, () => {
    if (setupError) assert.unreachable(setupError);
    const g = gcc.get(file)!;
    if (g.ok) counts.confirmed++;
    const r = cc.get(file)!;
    const first = r.crash || r.hang ? null : firstError(r.stderr);
    if (r.hang) counts.hung++;
    else if (r.crash) counts.crashed++;
    else if (r.status === 0) counts.accepted++;
    else if (!first) counts.noLocation++;
    else if (first.line === g.line && path.resolve(first.file) === path.resolve(file)) counts.rightLine++;
    else counts.otherLine++;

    assert.ok(g.ok, `the test itself is wrong: ${g.why}`);
    assert.ok(!r.hang && !r.crash, describe(r));
    if (xfail.has(name)) {
      const right = r.status === 1 && first && first.line === g.line && path.resolve(first.file) === path.resolve(file);
      assert.ok(!right, `${name} now passes: remove it from tests/errors/expected-failures.txt`);
      return;
    }
    assert.is(r.status, 1, `cc-ts should reject ${name}: ${describe(r)}`);
    assert.ok(first, `no "file:line:col: error:" line: ${describe(r)}`);
    assert.is(path.resolve(first!.file), path.resolve(file), `error reported in another file: ${describe(r)}`);
    assert.is(first!.line, g.line, `first error on line ${first!.line}, expected line ${g.line}: ${describe(r)}`);
  });
}

for (const file of valid) {
  const name = path.basename(file);
  test(`valid ${name}`, () => {
    if (setupError) assert.unreachable(setupError);
    const g = gcc.get(file)!;
    assert.ok(g.ok, `the test itself is wrong: ${g.why}`);
    const r = cc.get(file)!;
    assert.ok(!r.hang && !r.crash, describe(r));
    assert.is(r.status, 0, `cc-ts should accept ${name} (warnings only): ${describe(r)}`);
    assert.is(firstError(r.stderr), null, `cc-ts printed an error: ${describe(r)}`);
  });
}

test(`at least ${MIN_CONFIRMED} gcc-confirmed invalid programs`, () => {
  if (setupError) assert.unreachable(setupError);
  const n = invalid.filter((f) => gcc.get(f)?.ok).length;
  assert.ok(n >= MIN_CONFIRMED, `only ${n} of ${invalid.length} cases are confirmed by gcc`);
});

test.after(() => {
  process.stdout.write(
    `\ntests/errors: ${invalid.length} invalid programs, ${counts.confirmed} gcc-confirmed; cc-ts: ` +
    `${counts.rightLine} rejected at the right line, ${counts.otherLine} at another line, ` +
    `${counts.noLocation} without a located error, ${counts.accepted} accepted, ${counts.crashed} crashed, ` +
    `${counts.hung} hung; ${valid.length} valid programs with warnings; ${xfail.size} listed as expected failures\n`);
});

test.run();
