// GOT references in static executables relaxed as GNU ld 2.40 does (mov -> mov $imm or lea, call/jmp
// through the GOT -> direct, test/binop -> immediate; undefined weak -> 0; linker-defined and --defsym
// symbols too), and the .got that is left: same instructions, .got and relro layout as GNU ld.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as path from 'path';
import { ccLd, gccStaticArgs, requireTools, sh, tmpdir } from './util';

requireTools('as', 'ld', 'objdump', 'readelf');
const dir = tmpdir('got-relax');

const ASM = `.text
.globl _start
_start:
  movq foo@GOTPCREL(%rip), %rax
  movq bar@GOTPCREL(%rip), %r9
  movl foo@GOTPCREL(%rip), %ecx
  movl foo@GOTPCREL(%rip), %r10d
  call *fn@GOTPCREL(%rip)
  jmp *fn@GOTPCREL(%rip)
  testq %rdx, foo@GOTPCREL(%rip)
  addq foo@GOTPCREL(%rip), %rbx
  subq bar@GOTPCREL(%rip), %r11
  cmpq foo@GOTPCREL(%rip), %rsi
  xorl foo@GOTPCREL(%rip), %edi
  movq weakundef@GOTPCREL(%rip), %rdx
  call *weakundef@GOTPCREL(%rip)
  movq __ehdr_start@GOTPCREL(%rip), %rax
  movq __start_mysec@GOTPCREL(%rip), %rax
  movq absval@GOTPCREL(%rip), %rax
  cmpq $0, foo@GOTPCREL(%rip)
  movq foo@GOTPCREL+8(%rip), %rax
  .reloc ., R_X86_64_GOTPCREL, bar-4
  .byte 0x48, 0x8b, 0x05, 0, 0, 0, 0
fn: ret
.weak weakundef
.data
foo: .quad 1
bar: .quad 2
.section mysec,"aw"
.quad 3
`;

const text = (exe: string): string => sh('objdump', ['-d', exe]).split('\n').slice(2).join('\n');
const sections = (exe: string): string => sh('readelf', ['-SW', exe]).split('\n').filter((l) => /\] \.(got|got\.plt|data|text)\s/.test(l)).join('\n');

test('every GOTPCREL form: the instructions and .got GNU ld makes', () => {
  const s = path.join(dir, 'g.s');
  fs.writeFileSync(s, ASM);
  const o = path.join(dir, 'g.o');
  sh('as', ['-o', o, s]);
  const gnu = path.join(dir, 'g.gnu');
  const mine = path.join(dir, 'g.cc');
  sh('ld', ['-static', '--defsym', 'absval=0x1234', '-o', gnu, o]);
  const r = ccLd(['-static', '--defsym', 'absval=0x1234', '-o', mine, o]);
  assert.is(r.code, 0, r.err);
  assert.fixture(text(mine), text(gnu));
  assert.fixture(sections(mine), sections(gnu));
  assert.is(sh('readelf', ['-x', '.got', mine]), sh('readelf', ['-x', '.got', gnu]));
});

const ASM32 = `.text
.globl _start
_start:
  call __x86.get_pc_thunk.bx
  addl $_GLOBAL_OFFSET_TABLE_, %ebx
  movl foo@GOT(%ebx), %eax
  movl foo@GOT(%ebx), %ecx
  movl foo@GOT, %edx
  call *fn@GOT(%ebx)
  jmp *fn@GOT(%ebx)
  testl %esi, foo@GOT(%ebx)
  addl foo@GOT(%ebx), %edi
  cmpl foo@GOT(%ebx), %esi
  movl weakundef@GOT(%ebx), %eax
  call *weakundef@GOT(%ebx)
  movl __ehdr_start@GOT(%ebx), %eax
  cmpl $0, foo@GOT(%ebx)
fn: ret
.section .text.__x86.get_pc_thunk.bx,"axG",@progbits,__x86.get_pc_thunk.bx,comdat
.globl __x86.get_pc_thunk.bx
.hidden __x86.get_pc_thunk.bx
__x86.get_pc_thunk.bx:
  movl (%esp), %ebx
  ret
.weak weakundef
.data
foo: .long 1
`;

test('i386 GOT32X forms: the instructions and .got GNU ld makes', () => {
  const s = path.join(dir, 'g32.s');
  fs.writeFileSync(s, ASM32);
  const o = path.join(dir, 'g32.o');
  sh('as', ['--32', '-o', o, s]);
  const gnu = path.join(dir, 'g32.gnu');
  const mine = path.join(dir, 'g32.cc');
  sh('ld', ['-m', 'elf_i386', '-static', '-o', gnu, o]);
  const r = ccLd(['-m', 'elf_i386', '-static', '-o', mine, o]);
  assert.is(r.code, 0, r.err);
  assert.fixture(text(mine), text(gnu));
  assert.fixture(sections(mine), sections(gnu));
  assert.is(sh('readelf', ['-x', '.got', mine]), sh('readelf', ['-x', '.got', gnu]));
});

test('the SQLite shell with glibc: .got and relro layout of GNU ld', () => {
  const cache = '/var/cache/cc-ts-corpus/link-bench';
  const objs = ['sqlite3.o', 'shell.o'].map((f) => path.join(cache, f));
  for (const x of objs) assert.ok(fs.existsSync(x), `${x} missing: run node dist/bench/link.js once to build it`);
  const gnu = path.join(dir, 'sqlite.gnu');
  const mine = path.join(dir, 'sqlite.cc');
  const args = gccStaticArgs(objs, gnu).filter((a) => a !== '--build-id');
  sh('ld', args);
  const r = ccLd(gccStaticArgs(objs, mine).filter((a) => a !== '--build-id'));
  assert.is(r.code, 0, r.err);
  const heads = (exe: string): string => sh('readelf', ['-SW', exe]).split('\n').filter((l) => /\] \.(got|got\.plt|tdata|data|bss|data\.rel\.ro)\s/.test(l)).join('\n');
  assert.fixture(heads(mine), heads(gnu));
  const relro = (exe: string): string => /GNU_RELRO.*/.exec(sh('readelf', ['-lW', exe]))![0];
  assert.is(relro(mine), relro(gnu));
});

test.run();
