// Read objects made by gcc/g++/GNU as (x86-64, i386, AArch64, RISC-V), write them back, and check
// the result against the original: byte-identical, same `readelf -h -S -s -r -g -W`, same
// `objdump -d`, and our relocation names equal to readelf's.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import { readObject } from '../../elf/read-object';
import { writeObject } from '../../elf/write-object';
import { relocName } from '../../elf/constants';
import { compile, objdump, readelf } from './util';

const C_SOURCE = `
#include <stdarg.h>
static int counter;
int global_init = 5;
__thread int tls_var = 3;
__thread int tls_bss;
extern int ext;
extern __thread int ext_tls;
const char *msg = "hello world";
int common_var __attribute__((common));
__attribute__((weak)) int weak_fn(int x) { return x; }
__attribute__((visibility("hidden"))) int hidden_var = 7;
int alias_target(int x) { return x * 2; }
int alias_fn(int) __attribute__((alias("alias_target")));
static int impl(void) { return 1; }
static void *resolver(void) { return (void *)impl; }
int ifn(void) __attribute__((ifunc("resolver")));
__attribute__((section(".mysec"), used)) static char mysec[3] = {1, 2, 3};
__attribute__((retain, used)) static int retained = 4;
long big[1000];
double dtab[] = {1.5, 2.5};
int f(int x, ...) {
  va_list ap; va_start(ap, x); int y = va_arg(ap, int); va_end(ap);
  counter += x;
  switch (y) { case 1: return 3; case 2: return 9; case 3: return 27; case 4: return 81; case 5: return 0; }
  return x + y + ext + tls_var + tls_bss + ext_tls + weak_fn(x) + ifn() + (int)dtab[x & 1];
}
int main(void) { return f(3, 4); }
`;

const C_PLAIN = `
static int counter;
int data = 1;
extern int ext;
const char *msg = "text";
int g(int x) { static int s; s += x; return counter + ext + s + msg[0]; }
int main(void) { return g(data); }
`;

const CXX_SOURCE = `
template<class T> T tmax(T a, T b) { return a > b ? a : b; }
struct S { virtual int v() { return 1; } virtual ~S() {} };
inline int inl(int x) { static int k; return x + ++k; }
int g(int a) { S s; return tmax(a, 3) + (int)tmax(1.0, 2.0) + s.v() + inl(a); }
`;

// Section and symbol features GNU as supports that C rarely reaches.
const X86_ASM = `
  .text
  .globl start
  .type start, @function
start:
  call ext@PLT
  movq ext@GOTPCREL(%rip), %rax
  leaq local(%rip), %rdx
  movabsq $big, %rax
  ret
  .size start, .-start
local: .byte 1
  .section .excl,"e"
  .byte 2
  .section .linked,"ao",@progbits,.text
  .quad start
  .section .lbss,"awl",@nobits
  .zero 16
  .section .strs,"aMS",@progbits,1
  .asciz "abc"
  .section .cst,"aM",@progbits,8
  .quad 42
  .section .note.x,"a",@note
  .long 4, 0, 1
  .section .init_array,"aw",@init_array
  .quad start
  .section .tbss,"awT",@nobits
  .zero 8
  .section .text.grp,"axG",@progbits,sig,comdat
  .globl sig
sig: ret
  .type uobj, @gnu_unique_object
  .globl uobj
  .data
uobj: .long 5
  .comm cbig, 64, 32
  .local lsmall
  .comm lsmall, 4, 4
  .largecomm lc, 128, 16
  .set absval, 0x1234
  .globl absval
  .weak wk
  .quad wk
  .symver start, start@@V1
  .section .note.GNU-stack,"",@progbits
`;

const I386_ASM = `
  .text
  .globl f
  .type f, @function
f:
  call g@PLT
  movl var@GOT(%ebx), %eax
  movl $var+8, %eax
  leal var@GOTOFF(%ebx), %ecx
  movl %gs:tv@ntpoff, %eax
  ret
  .size f, .-f
  .data
  .globl var
var: .long f, var+4, 0
  .section .tdata,"awT",@progbits
tv: .long 1
  .section .text.__x86.get_pc_thunk.bx,"axG",@progbits,__x86.get_pc_thunk.bx,comdat
  .globl __x86.get_pc_thunk.bx
  .hidden __x86.get_pc_thunk.bx
__x86.get_pc_thunk.bx:
  movl (%esp), %ebx
  ret
`;

interface Case { name: string; make: () => string; readelf: string; objdump: string }

const cases: Case[] = [
  { name: 'x86-64 gcc -O0 -g', make: () => compile('gcc', 'a.c', C_SOURCE, ['-O0', '-g']), readelf: 'readelf', objdump: 'objdump' },
  { name: 'x86-64 gcc -O2 -ffunction-sections -fdata-sections -fPIC', make: () => compile('gcc', 'a.c', C_SOURCE, ['-O2', '-ffunction-sections', '-fdata-sections', '-fPIC']), readelf: 'readelf', objdump: 'objdump' },
  { name: 'x86-64 gcc -fpatchable-function-entry (SHF_LINK_ORDER)', make: () => compile('gcc', 'p.c', C_PLAIN, ['-O1', '-fpatchable-function-entry=2']), readelf: 'readelf', objdump: 'objdump' },
  { name: 'x86-64 g++ -O0 -g (COMDAT groups)', make: () => compile('g++', 'b.cpp', CXX_SOURCE, ['-O0', '-g']), readelf: 'readelf', objdump: 'objdump' },
  { name: 'x86-64 as (special sections and symbols)', make: () => compile('as', 'x.s', X86_ASM, []), readelf: 'readelf', objdump: 'objdump' },
  { name: 'i386 gcc -m32 -fPIC -O1', make: () => compile('gcc', 'p.c', C_PLAIN, ['-m32', '-fPIC', '-O1']), readelf: 'readelf', objdump: 'objdump' },
  { name: 'i386 as --32 (REL, group)', make: () => compile('as', 'i.s', I386_ASM, ['--32']), readelf: 'readelf', objdump: 'objdump' },
  { name: 'aarch64 gcc -O2 -g', make: () => compile('aarch64-linux-gnu-gcc', 'a.c', C_SOURCE, ['-O2', '-g']), readelf: 'aarch64-linux-gnu-readelf', objdump: 'aarch64-linux-gnu-objdump' },
  { name: 'aarch64 gcc -O0 -fPIC', make: () => compile('aarch64-linux-gnu-gcc', 'p.c', C_PLAIN, ['-O0', '-fPIC']), readelf: 'aarch64-linux-gnu-readelf', objdump: 'aarch64-linux-gnu-objdump' },
  { name: 'riscv64 gcc -O2 -g', make: () => compile('riscv64-linux-gnu-gcc', 'a.c', C_SOURCE, ['-O2', '-g']), readelf: 'riscv64-linux-gnu-readelf', objdump: 'riscv64-linux-gnu-objdump' },
  { name: 'riscv64 gcc -O0 -ffunction-sections', make: () => compile('riscv64-linux-gnu-gcc', 'p.c', C_PLAIN, ['-O0', '-ffunction-sections']), readelf: 'riscv64-linux-gnu-readelf', objdump: 'riscv64-linux-gnu-objdump' },
];

/** Relocation type names in the order readelf -r prints them. */
function readelfRelocNames(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*[0-9a-f]{8,16}\s+[0-9a-f]{8,16}\s+(\S+)/.exec(line);
    if (m) names.push(m[1]);
  }
  return names;
}

for (const c of cases) {
  test(c.name, () => {
    const orig = c.make();
    const bytes = fs.readFileSync(orig);
    const obj = readObject(bytes, orig);
    const out = writeObject(obj, orig);
    const copy = orig + '.rt.o';
    fs.writeFileSync(copy, out);

    const opts = ['-h', '-S', '-s', '-r', '-g', '-W'];
    assert.fixture(readelf(copy, opts, c.readelf), readelf(orig, opts, c.readelf), 'readelf');
    assert.fixture(objdump(copy, ['-d'], c.objdump), objdump(orig, ['-d'], c.objdump), 'objdump -d');
    assert.ok(Buffer.compare(Buffer.from(out), bytes) === 0, 'rewritten object is byte-identical');

    const ours: string[] = [];
    // readelf lists relocation sections in header order, which is model section order.
    for (const sec of obj.sections) for (const r of sec.relocs) ours.push(relocName(obj.machine, r.type) ?? `?${r.type}`);
    assert.equal(ours, readelfRelocNames(readelf(orig, ['-r', '-W'], c.readelf)), 'relocation names');
    assert.ok(ours.length > 0, 'the object has relocations');
  });
}

test.run();
