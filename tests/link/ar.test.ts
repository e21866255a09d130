// `cc-ts ar` against GNU ar: byte-identical archives (D is the default of both), the same `ar t`,
// `ar tv`, verbose messages, `nm -s` index and extracted files, for r c s u q t x d T S v.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { requireTools, sh, tmpdir } from './util';

requireTools('as', 'ar', 'nm');
const SRC = path.join(__dirname, '..', '..', '..', 'tests', 'link', 'scripts');
const srcDir = fs.existsSync(SRC) ? SRC : path.join(process.cwd(), 'tests', 'link', 'scripts');
const dir = tmpdir('ar');
for (const f of ['a', 'b', 'c', 'd']) sh('as', ['--64', '-o', path.join(dir, `${f}.o`), path.join(srcDir, `${f}.s`)]);
const CLI = path.join(__dirname, '..', '..', 'link', 'cli-ar.js');

/** Run GNU ar or cc-ts ar in `dir`; returns stdout+stderr with the program name taken out, and the status. */
function ar(which: 'gnu' | 'cc', args: string[], cwd = dir): { out: string; code: number } {
  const r = which === 'gnu'
    ? spawnSync('ar', args, { cwd, encoding: 'utf8' })
    : spawnSync(process.execPath, ['-e', `process.exit(require(${JSON.stringify(CLI)}).arCommand(process.argv.slice(1)))`, '--', ...args], { cwd, encoding: 'utf8' });
  return { out: (r.stdout + r.stderr).replace(/^(cc-ts ar|ar): /gm, '').replace(/\b[gc]\.a\b/g, 'X.a'), code: r.status ?? -1 };
}

function same(g: string, c: string): void {
  assert.ok(fs.readFileSync(path.join(dir, c)).equals(fs.readFileSync(path.join(dir, g))), `${c} differs from GNU ar's ${g}`);
}

/** The same command on g.a and c.a: same output, same status, same bytes. */
function both(args: (a: string) => string[]): void {
  const g = ar('gnu', args('g.a'));
  const c = ar('cc', args('c.a'));
  assert.is(c.out, g.out);
  assert.is(c.code, g.code);
  if (fs.existsSync(path.join(dir, 'g.a'))) same('g.a', 'c.a');
}

function fresh(): void { for (const f of ['g.a', 'c.a']) fs.rmSync(path.join(dir, f), { force: true }); }

test('rcs (D default): byte-identical archive and nm -s index', () => {
  fresh();
  both((a) => ['rcs', a, 'a.o', 'b.o']);
  assert.is(sh('nm', ['-s', path.join(dir, 'c.a')]).replace(/c\.a/g, ''), sh('nm', ['-s', path.join(dir, 'g.a')]).replace(/g\.a/g, ''));
});

test('r without c prints "creating"; explicit D', () => { fresh(); both((a) => ['rD', a, 'a.o', 'b.o', 'c.o', 'd.o']); });
test('d deletes a member', () => { both((a) => ['d', a, 'b.o']); });
test('q appends', () => { both((a) => ['q', a, 'b.o']); });
test('r replaces in place', () => { both((a) => ['r', a, 'a.o']); });
test('t lists', () => { both((a) => ['t', a]); });
test('tv lists verbosely', () => { both((a) => ['tv', a]); });
test('rv reports a/r', () => { both((a) => ['rv', a, 'c.o', 'a.o']); });
test('dv reports d; deleting a missing member', () => { both((a) => ['dv', a, 'c.o']); both((a) => ['d', a, 'nothere.o']); });
test('u is ignored with a warning (D is the default); uD is an error', () => { both((a) => ['ru', a, 'a.o']); both((a) => ['ruD', a, 'a.o']); });
test('t and x of a missing member', () => { both((a) => ['t', a, 'nothere.o']); both((a) => ['x', a, 'nothere.o']); });
test('S: no index, then s adds it', () => { fresh(); both((a) => ['rcS', a, 'a.o', 'b.o']); both((a) => ['s', a]); });
test('T: thin archive', () => { fresh(); both((a) => ['rcT', a, 'a.o', 'b.o']); both((a) => ['t', a]); });
test('x extracts the same files', () => {
  fresh();
  both((a) => ['rc', a, 'a.o', 'b.o', 'd.o']);
  for (const [w, d] of [['gnu', 'xg'], ['cc', 'xc']] as const) {
    fs.mkdirSync(path.join(dir, d));
    assert.is(ar(w, ['xv', '../' + (w === 'gnu' ? 'g.a' : 'c.a')], path.join(dir, d)).code, 0);
  }
  for (const f of ['a.o', 'b.o', 'd.o']) assert.ok(fs.readFileSync(path.join(dir, 'xc', f)).equals(fs.readFileSync(path.join(dir, 'xg', f))), f);
});
test('t on a missing archive fails', () => {
  assert.is(ar('cc', ['t', 'missing.a']).code, 1);
  assert.ok(ar('gnu', ['t', 'missing.a']).code !== 0);
});

test.run();
