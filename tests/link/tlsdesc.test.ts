// TLS descriptors (gcc -mtls-dialect=gnu2) in static links: GOTPC32_TLSDESC/TLSDESC_CALL (x86-64)
// and TLS_GOTDESC/TLS_DESC_CALL (i386) relaxed to local exec exactly as GNU ld 2.40 rewrites them.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as path from 'path';
import { ccLd, gccStaticArgs, requireTools, run, sh, tmpdir } from './util';

requireTools('gcc', 'ld', 'as', 'objdump');
const dir = tmpdir('tlsdesc');

// __thread variables: initialised and zero-initialised, static and extern, defined in another object
const MAIN_LIBC = `#include <stdio.h>
__thread int counter = 5;
static __thread char buf[16];
extern __thread long other[4];
extern __thread int bss_x;
int bump(void);
int main(void) { buf[3] = 'x'; other[2] = 7; bump(); bump(); bss_x += 4;
  printf("%d %ld %c %d %ld\\n", counter, other[2], buf[3], bss_x, other[3]); return counter; }`;
const MAIN_FREE = `__thread int counter = 5;
static __thread char buf[16];
extern __thread long other[4];
extern __thread int bss_x;
int bump(void);
int main(void) { buf[3] = 'x'; other[2] = 7; bump(); bump(); bss_x += 4; return counter + other[2] + buf[3] + bss_x; }`;
const OTHER = `extern __thread int counter;
__thread long other[4] = {1, 2, 3, 4};
__thread int bss_x;
static __thread int loc = 9;
int bump(void) { loc++; return ++counter + loc; }`;

function compile(name: string, src: string, flags: string[]): string {
  const c = path.join(dir, `${name}.c`);
  fs.writeFileSync(c, src);
  const o = path.join(dir, `${name}.o`);
  sh('gcc', ['-c', '-mtls-dialect=gnu2', ...flags, '-o', o, c]);
  return o;
}

const disasm = (exe: string): string => sh('objdump', ['-d', exe]).split('\n').slice(2).join('\n');

for (const opt of ['-O0', '-O2']) {
  for (const model of ['-fPIC', '-fPIE']) {
    const tag = `${opt}${model}`;
    test(`x86-64 ${tag}: static glibc program runs as with GNU ld`, () => {
      const a = compile(`main${tag}`, MAIN_LIBC, [opt, model]);
      const b = compile(`other${tag}`, OTHER, [opt, model]);
      // -fPIE: gcc uses initial exec for extern variables, TLSDESC only with -fPIC
      if (model === '-fPIC') assert.match(sh('objdump', ['-dr', a]), /R_X86_64_GOTPC32_TLSDESC/);
      const gnu = path.join(dir, `libc${tag}.gnu`);
      sh('gcc', ['-static', '-o', gnu, a, b]);
      const mine = path.join(dir, `libc${tag}.cc`);
      const r = ccLd(gccStaticArgs([a, b], mine));
      assert.is(r.code, 0, r.err);
      const x = run(gnu);
      const y = run(mine);
      assert.is(y.out, x.out);
      assert.is(y.out, '7 7 x 4 4\n');
      assert.is(y.code, x.code);
      assert.not.match(sh('objdump', ['-d', '--disassemble=main', mine]), /call\s+\*\(%rax\)/);
    });
    for (const [arch, emul] of [['64', 'elf_x86_64'], ['32', 'elf_i386']]) {
      test(`${emul} ${tag}: rewritten instructions identical to GNU ld's`, () => {
        const a = compile(`free-main${arch}${tag}`, MAIN_FREE, [`-m${arch}`, opt, model]);
        const b = compile(`free-other${arch}${tag}`, OTHER, [`-m${arch}`, opt, model]);
        if (model === '-fPIC') assert.match(sh('objdump', ['-dr', a]), arch === '64' ? /R_X86_64_GOTPC32_TLSDESC/ : /R_386_TLS_GOTDESC/);
        const gnu = path.join(dir, `free${arch}${tag}.gnu`);
        sh('ld', ['-m', emul, '-static', '-e', 'main', '-o', gnu, a, b]);
        const mine = path.join(dir, `free${arch}${tag}.cc`);
        const r = ccLd(['-m', emul, '-static', '-e', 'main', '-o', mine, a, b]);
        assert.is(r.code, 0, r.err);
        assert.fixture(disasm(mine), disasm(gnu));
      });
    }
  }
}

test('an instruction that is not lea x@tlsdesc(%rip) fails the transition with GNU ld\'s message', () => {
  const s = path.join(dir, 'bad.s');
  fs.writeFileSync(s, `.globl _start
.text
_start:
 .byte 0x48, 0x8b, 0x05
 .reloc ., R_X86_64_GOTPC32_TLSDESC, x-4
 .long 0
 ret
.section .tbss,"awT",@nobits
x: .zero 4
`);
  const o = path.join(dir, 'bad.o');
  sh('as', ['-o', o, s]);
  const r = ccLd(['-static', '-o', path.join(dir, 'bad.exe'), o]);
  assert.is(r.code, 1);
  assert.is(r.err, `${o}: TLS transition from R_X86_64_GOTPC32_TLSDESC to R_X86_64_TPOFF32 against \`x' at 0x3 in section \`.text' failed`);
});

test.run();
