// -g: the compiler writes `.file`/`.loc` line tables and the assembler the compilation unit, so
// addr2line and gdb find source lines. Checked with binutils' addr2line and readelf on a program
// compiled and linked by cc-ts; -g must not change the code.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { driverMain } from '../../src/driver/main';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-g-'));
const SRC = [
  '#include <stdio.h>',                        // 1
  'static int twice(int x) {',                 // 2
  '  return x * 2;',                           // 3
  '}',                                         // 4
  'int sum(int n) {',                          // 5
  '  int s = 0;',                              // 6
  '  for (int i = 0; i < n; i++)',             // 7
  '    s += twice(i);',                        // 8
  '  return s;',                               // 9
  '}',                                         // 10
  'int main(void) {',                          // 11
  '  printf("%d\\n", sum(10));',               // 12
  '  return 0;',                               // 13
  '}',                                         // 14
].join('\n') + '\n';

function run(args: string[]): void {
  const cwd = process.cwd();
  process.chdir(work);
  try { assert.is(driverMain(args), 0, args.join(' ')); } finally { process.chdir(cwd); }
}

function sym(exe: string, name: string): string {
  const line = execFileSync('nm', [exe], { encoding: 'utf8' }).split('\n').find((l) => l.endsWith(` ${name}`));
  assert.ok(line, `${name} in nm output`);
  return line!.split(' ')[0];
}

test('addr2line finds the lines of functions and statements', () => {
  fs.writeFileSync(path.join(work, 'p.c'), SRC);
  run(['-g', '-O0', 'p.c', '-o', 'p']);
  const exe = path.join(work, 'p');
  assert.is(execFileSync(exe, { encoding: 'utf8' }), '90\n');
  for (const [fn, line] of [['main', 11], ['sum', 5], ['twice', 2]] as const) {
    const out = execFileSync('addr2line', ['-f', '-e', exe, '0x' + sym(exe, fn)], { encoding: 'utf8' }).split('\n');
    assert.is(out[0], fn);
    // DW_AT_comp_dir is the directory the compiler ran in (process.cwd(): $PWD names another one here)
    assert.is(out[1], `${fs.realpathSync(work)}/p.c:${line}`);
  }
  // every statement line of sum() has a row
  const rows = execFileSync('objdump', ['--dwarf=decodedline', exe], { encoding: 'utf8' });
  const lines = new Set([...rows.matchAll(/^p\.c\s+(\d+)\s/gm)].map((m) => Number(m[1])));
  for (const l of [3, 6, 7, 8, 9, 12, 13]) assert.ok(lines.has(l), `row for line ${l}`);
});

test('the unit names the file and the directory; -g does not change the code', () => {
  fs.writeFileSync(path.join(work, 'q.c'), SRC);
  for (const o of ['-O0', '-O2']) {
    run(['-g', o, '-c', 'q.c', '-o', 'qg.o']);
    run([o, '-c', 'q.c', '-o', 'q.o']);
    const info = execFileSync('readelf', ['--debug-dump=info', path.join(work, 'qg.o')], { encoding: 'utf8' });
    assert.match(info, /DW_AT_name\s+:.*: q\.c/);
    assert.match(info, /DW_AT_comp_dir\s+:.*: \//);
    const text = (f: string) => execFileSync('objdump', ['-d', '-r', path.join(work, f)], { encoding: 'utf8' }).split('\n').slice(2).join('\n');
    assert.is(text('qg.o'), text('q.o'), `code with -g ${o}`);
  }
});

test.after(() => fs.rmSync(work, { recursive: true, force: true }));
test.run();
