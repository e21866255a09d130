import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseArgs, OptionError, quoteMakeTarget } from '../../src/driver/options';

test('stage options', () => {
  assert.is(parseArgs(['-E', 'a.c']).stage, 'preprocess');
  assert.is(parseArgs(['-fsyntax-only', 'a.c']).stage, 'syntax');
  assert.is(parseArgs(['-c', 'a.c']).stage, 'compile');
  assert.is(parseArgs(['-S', 'a.c']).stage, 'assemble-only');
  assert.is(parseArgs(['a.c']).stage, 'link');
});

test('joined and separate arguments', () => {
  const o = parseArgs(['-Ifoo', '-I', 'bar', '-DX=1', '-D', 'Y', '-UZ', '-o', 'out', '-include', 'h.h', 'a.c']);
  assert.equal(o.includeDirs, ['foo', 'bar']);
  assert.equal(o.macroOps, [['D', 'X=1'], ['D', 'Y'], ['U', 'Z'], ['include', 'h.h']]);
  assert.is(o.output, 'out');
  assert.equal(o.inputs.map((i) => i.path), ['a.c']);
});

test('longest option wins', () => {
  const o = parseArgs(['-MMD', '-MF', 'd.d', '-MT', 'x.o', 'a.c']);
  assert.is(o.deps.kind, 'MM');
  assert.is(o.deps.file, true);
  assert.is(o.deps.mf, 'd.d');
  assert.equal(o.deps.targets, ['x.o']);
});

test('warnings', () => {
  const o = parseArgs(['-Wall', '-Wno-unused-variable', '-Werror=format', 'a.c']);
  assert.is(o.diag.wall, true);
  assert.is(o.diag.enabled.get('unused-variable'), false);
  assert.ok(o.diag.werrorFlags.has('format'));
});

test('targets', () => {
  assert.is(parseArgs(['--target=aarch64-linux-gnu', 'a.c']).target, 'aarch64-linux-gnu');
  assert.is(parseArgs(['-target', 'riscv64-linux-gnu', 'a.c']).target, 'riscv64-linux-gnu');
  assert.is(parseArgs(['-m32', 'a.c']).target, 'i386-linux-gnu');
});

test('std values', () => {
  assert.is(parseArgs(['-std=c99', 'a.c']).std, 'c99');
  assert.is(parseArgs(['-std=gnu18', 'a.c']).std, 'gnu17');
  assert.throws(() => parseArgs(['-std=c42', 'a.c']), (e: unknown) => e instanceof OptionError && /-std=c42/.test((e as Error).message));
});

test('unknown option is gcc\'s error', () => {
  assert.throws(() => parseArgs(['--frobnicate', 'a.c']), (e: unknown) => e instanceof OptionError && (e as Error).message === "unrecognized command-line option '--frobnicate'");
});

test('-MQ quoting', () => {
  assert.is(quoteMakeTarget('a b$c#'), 'a\\ b$$c\\#');
});

test.run();
