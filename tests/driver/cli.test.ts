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

test('-fsyntax-only reports an error with file:line:col and a caret', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-cli-'));
  const src = path.join(dir, 'e.c');
  fs.writeFileSync(src, 'int main(void) {\n  return y;\n}\n');
  const r = run(['-fsyntax-only', src]);
  assert.is(r.status, 1);
  assert.match(r.err, /e\.c:2:10: error: 'y' undeclared/);
  assert.match(r.err, /\n    2 \|   return y;\n      \|          \^/);
  fs.rmSync(dir, { recursive: true });
});

test('-c of .s and .S gives the bytes GNU as gives; bad assembly leaves no object', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-cli-'));
  const s = path.join(dir, 'f.S');
  fs.writeFileSync(s, '#define VALUE 42\n.text\n.globl f\nf:\n  movl $VALUE, %eax\n  ret\n');
  assert.is(run(['-c', s, '-o', path.join(dir, 'f.o')]).status, 0);
  const pre = spawnSync('gcc', ['-E', '-P', s], { encoding: 'utf8' }).stdout;
  fs.writeFileSync(path.join(dir, 'g.s'), pre);
  assert.is(spawnSync('as', [path.join(dir, 'g.s'), '-o', path.join(dir, 'g.o')]).status, 0);
  const a = spawnSync('objdump', ['-dr', path.join(dir, 'f.o')], { encoding: 'utf8' }).stdout.split('\n').slice(2).join('\n');
  const b = spawnSync('objdump', ['-dr', path.join(dir, 'g.o')], { encoding: 'utf8' }).stdout.split('\n').slice(2).join('\n');
  assert.is(a, b);
  const bad = path.join(dir, 'bad.s');
  fs.writeFileSync(bad, '.text\n  movl %eax\n');
  const r = run(['-c', bad, '-o', path.join(dir, 'bad.o')]);
  assert.is(r.status, 1);
  assert.match(r.err, /bad\.s:2: Error: /);
  assert.is(fs.existsSync(path.join(dir, 'bad.o')), false);
  fs.rmSync(dir, { recursive: true });
});

test('links a static glibc executable from gcc -S output with its own linker, and it runs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-cli-'));
  const c = path.join(root, 'examples/hello.c');
  const s = path.join(dir, 'hello.s');
  assert.is(spawnSync('gcc', ['-S', '-O2', '-fno-pie', c, '-o', s]).status, 0);
  // gcc's objects call libgcc; runtime/ replaces it for code cc-ts compiles
  const libgcc = spawnSync('gcc', ['-print-libgcc-file-name'], { encoding: 'utf8' }).stdout.trim();
  const exe = path.join(dir, 'hello');
  const r = run([s, '-Wl,--start-group', libgcc, path.join(path.dirname(libgcc), 'libgcc_eh.a'), '-lc', '-Wl,--end-group', '-o', exe]);
  assert.is(r.status, 0, r.err);
  const out = spawnSync(exe, [], { encoding: 'utf8' });
  assert.is(out.status, 0);
  assert.is(out.stdout, 'hello from cc-ts: distance 7\n');
  fs.rmSync(dir, { recursive: true });
});

test('an undefined symbol fails the link and leaves no executable', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-cli-'));
  const s = path.join(dir, 'u.s');
  fs.writeFileSync(s, '.text\n.globl _start\n_start:\n  call missing_function\n');
  const exe = path.join(dir, 'u');
  const r = run(['-nostdlib', s, '-o', exe]);
  assert.is(r.status, 1);
  assert.match(r.err, /undefined reference to `missing_function'/);
  assert.is(fs.existsSync(exe), false);
  fs.rmSync(dir, { recursive: true });
});

test('compiles, assembles and links a C program alone (no gcc, as or ld on PATH) and it runs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-cli-'));
  for (const lv of ['-O0', '-O2']) {
    const exe = path.join(dir, 'hello' + lv);
    const r = spawnSync(process.execPath, [bin, lv, path.join(root, 'examples/hello.c'), '-o', exe], { encoding: 'utf8', env: { ...process.env, PATH: '' } });
    assert.is(r.status, 0, r.stderr);
    const out = spawnSync(exe, [], { encoding: 'utf8' });
    assert.is(out.stdout, 'hello from cc-ts: distance 7\n');
    assert.is(out.status, 0);
  }
  // the same input gives the same bytes
  const again = path.join(dir, 'again');
  assert.is(spawnSync(process.execPath, [bin, '-O2', path.join(root, 'examples/hello.c'), '-o', again]).status, 0);
  assert.ok(fs.readFileSync(again).equals(fs.readFileSync(path.join(dir, 'hello-O2'))), 'output is not deterministic');
  fs.rmSync(dir, { recursive: true });
});

test.run();
