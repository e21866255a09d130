// .eh_frame editing (CIE merging, FDEs of discarded functions removed, padding) and .eh_frame_hdr,
// compared with GNU ld: `readelf --debug-dump=frames`, section sizes and bytes, and unwinding at run time.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ccLd, GCC_LIB, LIBC, requireTools, run, sh, tmpdir } from './util';

requireTools('gcc', 'ld', 'as', 'readelf');
const dir = tmpdir('eh-frame');

function write(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

function gcc(name: string, src: string, flags: string[]): string {
  const o = path.join(dir, name.replace(/\.\w+$/, '.o'));
  sh('gcc', ['-c', ...flags, '-o', o, write(name, src)]);
  return o;
}

/** Link with GNU ld and cc-ts ld (same arguments); returns the two outputs. */
function both(tag: string, args: string[]): [string, string] {
  const g = path.join(dir, `${tag}.gnu`);
  const c = path.join(dir, `${tag}.cc`);
  sh('ld', ['-o', g, ...args]);
  const r = ccLd(['-o', c, ...args]);
  assert.is(r.code, 0, r.err);
  return [g, c];
}

const big = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
const frames = (exe: string): string => big('readelf', ['--debug-dump=frames', exe]).split('\n').slice(1).join('\n');
const sectionLine = (exe: string, name: string): string => {
  const m = new RegExp(`\\] ${name.replace('.', '\\.')}\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)`).exec(sh('readelf', ['-SW', exe]));
  return m ? `${m[1]} ${m[2]} ${m[4]}` : 'none';
};
const hexdump = (exe: string, name: string): string => big('readelf', ['-x', name, exe]).split('\n').slice(2).join('\n');

function sameFrames(g: string, c: string): void {
  assert.is(sectionLine(c, '.eh_frame'), sectionLine(g, '.eh_frame'));
  same(frames(c), frames(g));
  same(hexdump(c, '.eh_frame'), hexdump(g, '.eh_frame'));
}

/** Equal texts; on a difference, the first differing line (texts of megabytes make diffs slow). */
function same(mine: string, gnu: string): void {
  if (mine === gnu) return;
  const a = mine.split('\n');
  const b = gnu.split('\n');
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  assert.fixture(a.slice(Math.max(0, i - 3), i + 3).join('\n'), b.slice(Math.max(0, i - 3), i + 3).join('\n'));
}

const staticArgs = (objs: string[]): string[] => ['-static', `${LIBC}/crt1.o`, `${LIBC}/crti.o`, `${GCC_LIB}/crtbeginT.o`, `-L${GCC_LIB}`, `-L${LIBC}`,
  ...objs, '--start-group', '-lgcc', '-lgcc_eh', '-lc', '--end-group', `${GCC_LIB}/crtend.o`, `${LIBC}/crtn.o`];

// A freestanding program: _start in C, a personality routine of its own, functions used and unused.
const START = `void __gcc_personality_v0(void) {}
int used(int);
static void clean(int *p) { (void)p; }
int with_cleanup(int n) { int x __attribute__((cleanup(clean))) = n; return used(x); }
void _start(void) { int r = with_cleanup(3); __asm__ volatile("mov $60, %%eax; syscall" :: "D"(r)); }`;
const LIB = `int used(int n) { return n * 2; }
int unused_a(int n) { return n + 1; }
static int helper(int n) { return n * n; }
int unused_b(int n) { return helper(n) - 1; }
int used_too(int n) { return helper(n); }`;

test('the SQLite shell: same .eh_frame as GNU ld (duplicate CIEs of ~1000 objects merged)', () => {
  const cache = '/var/cache/cc-ts-corpus/link-bench';
  const objs = ['sqlite3.o', 'shell.o'].map((f) => path.join(cache, f));
  for (const o of objs) assert.ok(fs.existsSync(o), `${o} missing: run node dist/bench/link.js once to build it`);
  const [g, c] = both('sqlite', staticArgs(objs));
  sameFrames(g, c);
  assert.is(sectionLine(c, '.gcc_except_table'), sectionLine(g, '.gcc_except_table'));
});

test('the SQLite shell with --eh-frame-hdr: same .eh_frame_hdr search table and PT_GNU_EH_FRAME', () => {
  const cache = '/var/cache/cc-ts-corpus/link-bench';
  const objs = ['sqlite3.o', 'shell.o'].map((f) => path.join(cache, f));
  const [g, c] = both('sqlite-hdr', ['--eh-frame-hdr', ...staticArgs(objs)]);
  assert.is(sectionLine(c, '.eh_frame_hdr'), sectionLine(g, '.eh_frame_hdr'));
  assert.fixture(hexdump(c, '.eh_frame_hdr'), hexdump(g, '.eh_frame_hdr'));
  const ph = (x: string): string => /GNU_EH_FRAME.*/.exec(sh('readelf', ['-lW', x]))![0];
  assert.is(ph(c), ph(g));
  assert.match(sh('readelf', ['-sW', c]), /NOTYPE\s+LOCAL\s+\w+\s+\d+ __GNU_EH_FRAME_HDR/);
});

for (const arch of ['64', '32']) {
  const emul = arch === '64' ? 'elf_x86_64' : 'elf_i386';
  test(`${emul}: -ffunction-sections --gc-sections drops the FDEs of collected functions, keeps the LSDA`, () => {
    const flags = [`-m${arch}`, '-O1', '-fexceptions', '-ffunction-sections', '-fno-asynchronous-unwind-tables', '-fno-pie'];
    const a = gcc(`gc-start${arch}.c`, START, flags);
    const b = gcc(`gc-lib${arch}.c`, LIB, [...flags, '-fasynchronous-unwind-tables']);
    const [g, c] = both(`gc${arch}`, ['-m', emul, '-static', '--gc-sections', '-e', '_start', a, b]);
    sameFrames(g, c);
    assert.is(sectionLine(c, '.gcc_except_table'), sectionLine(g, '.gcc_except_table'));
    assert.not.match(frames(c), /pc=0+\.\./);
    // without --gc-sections every FDE stays
    const [g2, c2] = both(`nogc${arch}`, ['-m', emul, '-static', '-e', '_start', a, b]);
    sameFrames(g2, c2);
    assert.ok(frames(c2).split('FDE').length > frames(c).split('FDE').length);
    if (arch === '64') assert.is(run(c).code, 6);
  });
}

// COMDAT groups in plain assembly (no C++): the FDE of the losing copy goes with it; /DISCARD/.
const comdat = (n: number): string => `.section .text.shared,"axG",@progbits,shared,comdat
.globl shared
.type shared,@function
shared:
.cfi_startproc
push %rbp
.cfi_def_cfa_offset 16
pop %rbp
.cfi_def_cfa_offset 8
ret
.cfi_endproc
.text
.globl f${n}
f${n}:
.cfi_startproc
sub $${8 * n}, %rsp
.cfi_adjust_cfa_offset ${8 * n}
call shared
add $${8 * n}, %rsp
.cfi_adjust_cfa_offset -${8 * n}
ret
.cfi_endproc
.section .text.gone,"ax",@progbits
gone${n}:
.cfi_startproc
.cfi_remember_state
nop
.cfi_restore_state
ret
.cfi_endproc
`;

test('COMDAT duplicates and /DISCARD/ed sections lose their FDEs; CIEs merged across objects', () => {
  const objs = [1, 2, 3].map((n) => {
    const o = path.join(dir, `comdat${n}.o`);
    sh('as', ['--64', '-o', o, write(`comdat${n}.s`, comdat(n) + (n === 1 ? '.globl _start\n_start: call f1\n' : ''))]);
    return o;
  });
  const [g, c] = both('comdat', ['-static', '-e', '_start', ...objs]);
  sameFrames(g, c);
  const script = write('discard.ld', `SECTIONS {
  . = 0x401000;
  .text : { *(.text .text.shared) }
  /DISCARD/ : { *(.text.gone) }
  .eh_frame : { KEEP(*(.eh_frame)) }
}`);
  const [g2, c2] = both('discard', ['-T', script, '-e', '_start', ...objs]);
  sameFrames(g2, c2);
  assert.is(frames(c2).split(' FDE ').length - 1, 4);
});

test('static glibc program: _Unwind_Backtrace and cleanups work, with and without --eh-frame-hdr', () => {
  const src = `#include <stdio.h>
#include <unwind.h>
static int depth;
static _Unwind_Reason_Code cb(struct _Unwind_Context *c, void *a) { (void)a; if (_Unwind_GetIP(c)) depth++; return _URC_NO_REASON; }
__attribute__((noinline)) int f(int n) { if (n == 0) { _Unwind_Backtrace(cb, 0); return depth; } return f(n - 1) + 1; }
static void cleanup(int *p) { printf("cleanup %d\\n", *p); }
__attribute__((noinline)) int g(int n) { int x __attribute__((cleanup(cleanup))) = n; return f(n); }
int main(void) { int r = g(5); printf("frames %d r %d\\n", depth, r); return 0; }`;
  const o = gcc('bt.c', src, ['-O1', '-fexceptions']);
  for (const hdr of [[], ['--eh-frame-hdr']]) {
    const [g, c] = both(`bt${hdr.length}`, [...hdr, ...staticArgs([o])]);
    sameFrames(g, c);
    const x = run(g);
    const y = run(c);
    assert.is(y.out, x.out);
    assert.match(y.out, /^cleanup 5\nframes (\d\d|[7-9]) r 1\d\n$/);
    if (hdr.length) assert.fixture(hexdump(c, '.eh_frame_hdr'), hexdump(g, '.eh_frame_hdr'));
  }
});

test.run();
