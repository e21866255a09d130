// The cc-ts command line as a user meets it: exit statuses, gcc-style messages, no stack traces.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin/cc-ts');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, cwd: os.tmpdir() });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

test('--version and -dumpmachine', () => {
  const v = run(['--version']);
  assert.is(v.status, 0);
  assert.match(v.out, /^cc-ts /);
  assert.is(run(['-dumpmachine']).out, 'x86_64-linux-gnu\n');
  assert.is(run(['--target=aarch64-linux-gnu', '-dumpmachine']).out, 'aarch64-linux-gnu\n');
});

test('unknown option: gcc wording, status 1', () => {
  const r = run(['--no-such-option', 'a.c']);
  assert.is(r.status, 1);
  assert.is(r.err, "cc-ts: error: unrecognized command-line option '--no-such-option'\n");
});

test('no input files', () => {
  const r = run([]);
  assert.is(r.status, 1);
  assert.is(r.err, 'cc-ts: error: no input files\n');
});

test('missing input file', () => {
  const r = run(['-fsyntax-only', 'does-not-exist.c']);
  assert.is(r.status, 1);
  assert.match(r.err, /does-not-exist\.c: No such file or directory/);
  assert.not.match(r.err, /at .*\.js:\d+/); // no stack trace
});

test('unsupported target', () => {
  const r = run(['--target=mips-linux-gnu', '-fsyntax-only', 'a.c']);
  assert.is(r.status, 1);
  assert.match(r.err, /unsupported target 'mips-linux-gnu'/);
});

test('a failed -E leaves no output file behind', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-cli-'));
  const src = path.join(dir, 'bad.c');
  const out = path.join(dir, 'bad.i');
  fs.writeFileSync(src, '#include "no-such-header.h"\nint x;\n');
  const r = run(['-E', src, '-o', out]);
  assert.is(r.status, 1);
  assert.match(r.err, /bad\.c:1:10: fatal error: no-such-header\.h: No such file or directory/);
  assert.is(fs.existsSync(out), false);
  assert.equal(fs.readdirSync(dir), ['bad.c']);
  fs.rmSync(dir, { recursive: true });
});

test('-E from standard input', () => {
  const r = run(['-E', '-P', '-'], '#define TWICE(x) ((x)+(x))\nint y = TWICE(3);\n');
  assert.is(r.status, 0);
  assert.match(r.out, /int y = \(\(3\)\+\(3\)\);/);
});

test.run();
