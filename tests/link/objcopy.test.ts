// `cc-ts objcopy` against GNU objcopy: for objects, the same sections (readelf -SW: name, type, size, ES,
// flags, link, info, alignment; addresses and offsets ignored unless --change-addresses), symbols (nm)
// and contents (objdump -s); for -O binary, identical bytes. When GNU objcopy refuses, so must cc-ts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { objcopyCommand } from '../../link/cli-objcopy';
import { requireTools, sh, tmpdir } from './util';

requireTools('as', 'ld', 'gcc', 'objcopy', 'readelf', 'nm', 'objdump');
const SRC = path.join(__dirname, '..', '..', '..', 'tests', 'link', 'scripts');
const srcDir = fs.existsSync(SRC) ? SRC : path.join(process.cwd(), 'tests', 'link', 'scripts');
const dir = tmpdir('objcopy');
const p = (f: string): string => path.join(dir, f);
for (const [a, bits] of [['64', '--64'], ['32', '--32']]) {
  for (const f of ['a', 'b']) sh('as', [bits, '-o', p(`${f}${a}.o`), path.join(srcDir, `${f}.s`)]);
}
fs.writeFileSync(p('t.c'), 'int x = 5;\nstatic int y;\nint f(void) { return x + y; }\n');
sh('gcc', ['-g', '-c', p('t.c'), '-o', p('tg.o')]);
sh('ld', ['-Ttext=0x1000', '-Tdata=0x1800', '-o', p('exe'), p('a64.o'), p('b64.o')]);
const blob = new Uint8Array(301);
for (let i = 0; i < blob.length; i++) blob[i] = (i * 37 + 11) & 0xff;
fs.writeFileSync(p('blob.bin'), blob);

function sections(f: string, withAddr: boolean): string[] {
  return sh('readelf', ['-SW', f]).split('\n').filter((l) => /^\s+\[\s*\d+\]/.test(l) && !/\.(sym|str|shstr)tab/.test(l))
    .map((l) => { const w = l.replace(/^\s+\[\s*\d+\]\s+/, '').trim().split(/\s+/); if (!withAddr) w[2] = ''; w[3] = ''; return w.join(' '); });
}

function check(args: string[], input: string): void {
  const g = p('gnu.out');
  const c = p('cc.out');
  fs.rmSync(g, { force: true }); fs.rmSync(c, { force: true });
  const gr = spawnSync('objcopy', [...args, input, g], { cwd: dir, encoding: 'utf8' });
  const saveErr = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  const cwd = process.cwd();
  let code: number;
  try { process.chdir(dir); code = objcopyCommand([...args, input, c]); } finally { process.chdir(cwd); process.stderr.write = saveErr; }
  if (gr.status !== 0) { assert.is(code, 1, `GNU objcopy failed (${gr.stderr.trim()}) but cc-ts objcopy did not`); assert.ok(!fs.existsSync(c)); return; }
  assert.is(code, 0);
  if (args.includes('binary') && args[args.indexOf('binary') - 1] === '-O') {
    assert.ok(fs.readFileSync(c).equals(fs.readFileSync(g)), 'binary image differs');
    return;
  }
  const addr = args.some((a) => a.startsWith('--change-addresses') || a.startsWith('--adjust-vma'));
  assert.equal(sections(c, addr), sections(g, addr), 'readelf -SW');
  assert.is(sh('nm', ['-a', c]).replace(/cc\.out/g, ''), sh('nm', ['-a', g]).replace(/gnu\.out/g, ''));
  assert.is(sh('objdump', ['-s', c]).split('\n').slice(3).join('\n'), sh('objdump', ['-s', g]).split('\n').slice(3).join('\n'));
}

const CASES: [string[], string][] = [
  [['-O', 'binary'], 'exe'],
  [['-O', 'binary', '--gap-fill', '0xff', '--pad-to', '0x2000'], 'exe'],
  [['-O', 'binary', '-j', '.text'], 'exe'],
  [['-O', 'binary', '-R', '.text'], 'exe'],
  [['--adjust-vma=0x200', '-O', 'binary'], 'exe'],
  [['-I', 'binary', '-O', 'elf64-x86-64', '-B', 'i386:x86-64'], 'blob.bin'],
  [['-I', 'binary', '-O', 'elf32-i386', '-B', 'i386'], 'blob.bin'],
  [['-I', 'binary', '-O', 'elf64-x86-64'], 'blob.bin'],
  [['--strip-debug'], 'tg.o'],
  [['-g'], 'tg.o'],
  [['--strip-all'], 'tg.o'],
  [['-S'], 'a32.o'],
  [['-j', '.text', '-j', '.data'], 'a64.o'],
  [['-j', '.text'], 'a64.o'],
  [['-R', '.discard_me', '-R', 'mysec'], 'a64.o'],
  [['-R', '.text*'], 'a32.o'],
  [['--rename-section', '.data=.mydata'], 'a64.o'],
  [['--rename-section', '.keepme=.kept,alloc,readonly,contents'], 'a64.o'],
  [['--set-section-flags', '.bss=alloc,load,contents'], 'a64.o'],
  [['--set-section-flags', '.keepme=alloc,code,readonly'], 'a32.o'],
  [['--add-section', '.extra=blob.bin'], 'a64.o'],
  [['--add-section', '.note.extra=blob.bin'], 'a32.o'],
  [['--change-addresses', '0x1000'], 'a64.o'],
  [['-O', 'elf64-x86-64'], 'a64.o'],
  [[], 'a32.o'],
  [['--set-section-flags', '.data=bogus'], 'a64.o'],
  [['-O', 'elf99-nothing'], 'a64.o'],
];
for (const [args, input] of CASES) test(`objcopy ${args.join(' ')} ${input}`, () => check(args, input));

test.run();
