// Static glibc executables from gcc objects: cc-ts ld against GNU ld (via gcc -static) as the oracle.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as path from 'path';
import { ccLd, gccStaticArgs, requireTools, run, sh, tmpdir } from './util';

requireTools('gcc', 'ld');
const dir = tmpdir('static');

const PROGRAMS: Record<string, string> = {
  hello: `#include <stdio.h>
int main(void) { puts("hello, world"); return 0; }`,
  floats: `#include <stdio.h>
#include <math.h>
int main(void) { double x = 3.25; for (int i = 0; i < 5; i++) { printf("%g %.10f %e\\n", x, x / 7, x * 1e10); x *= -1.5; } return 3; }`,
  tls: `#include <stdio.h>
__thread int counter = 5; __thread long big[4]; static __thread char buf[16];
int bump(void) { return ++counter; }
int main(void) { big[2] = 7; buf[3] = 'x'; bump(); bump(); printf("%d %ld %c %p\\n", counter, big[2], buf[3], (void *)0 == (void *)&counter); return 0; }`,
  ifunc: `#include <stdio.h>
#include <string.h>
#include <stdlib.h>
static int impl_a(void) { return 11; }
static int (*resolve(void))(void) { return impl_a; }
int pick(void) __attribute__((ifunc("resolve")));
int main(void) { char a[64], b[64]; memset(a, 'q', 63); a[63] = 0; memcpy(b, a, 64); char *d = strdup("dup"); printf("%zu %d %s %d %s\\n", strlen(b), strcmp(a, b), d, pick(), strchr(b, 'q') == b ? "y" : "n"); int (*fp)(void) = pick; free(d); return fp() - 11; }`,
  ctors: `#include <stdio.h>
#include <stdlib.h>
static void bye(void) { puts("atexit"); }
__attribute__((constructor(200))) static void c200(void) { puts("ctor 200"); }
__attribute__((constructor(101))) static void c101(void) { puts("ctor 101"); }
__attribute__((constructor)) static void cdef(void) { puts("ctor default"); }
__attribute__((destructor)) static void d(void) { puts("dtor"); }
int main(void) { atexit(bye); puts("main"); return 0; }`,
  setjmp: `#include <stdio.h>
#include <setjmp.h>
static jmp_buf jb; static int depth;
static void down(int n) { if (n == 0) longjmp(jb, 42); depth++; down(n - 1); }
int main(void) { int r = setjmp(jb); if (r == 0) { down(10); return 1; } printf("back %d after %d\\n", r, depth); return 0; }`,
  qsort: `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
int main(int argc, char **argv) { const char *w[] = {"pear", "apple", "fig", "kiwi"}; qsort(w, 4, sizeof *w, cmp); for (int i = 0; i < 4; i++) printf("%s%c", w[i], i == 3 ? '\\n' : ' '); char *p = malloc(1 << 20); snprintf(p, 100, "%s-%d", argv[0] ? "x" : "y", argc); puts(p); return 0; }`,
  common: `#include <stdio.h>
int shared_counter; int table[100];
static const char *msg = "const data";
int main(void) { shared_counter += 3; table[99] = shared_counter; printf("%d %s\\n", table[99], msg); return 0; }`,
};

for (const [name, src] of Object.entries(PROGRAMS)) {
  for (const opt of ['-O0', '-O2']) {
    test(`${name} ${opt}: same output and status as GNU ld`, () => {
      const c = path.join(dir, `${name}.c`);
      fs.writeFileSync(c, src);
      const o = path.join(dir, `${name}${opt}.o`);
      sh('gcc', ['-c', opt, '-fcommon', '-o', o, c]);
      const gnu = path.join(dir, `${name}${opt}.gnu`);
      sh('gcc', ['-static', '-o', gnu, o, '-lm']);
      const mine = path.join(dir, `${name}${opt}.cc`);
      const r = ccLd(gccStaticArgs([o], mine));
      assert.is(r.code, 0, r.err);
      const a = run(gnu);
      const b = run(mine);
      assert.is(b.out, a.out);
      assert.is(b.code, a.code);
    });
  }
}

test('static executable has GNU ld segment structure (LOAD R, R E, R, RW + TLS + RELRO)', () => {
  const exe = path.join(dir, 'tls-O2.cc');
  const ph = sh('readelf', ['-lW', exe]);
  const types = [...ph.matchAll(/^\s+(LOAD|NOTE|TLS|GNU_PROPERTY|GNU_STACK|GNU_RELRO)\s+\S+\s+\S+\s+\S+\s+\S+\s+\S+\s+([RWE ]+?)\s+0x/gm)].map((m) => `${m[1]}:${m[2].replace(/\s+/g, '')}`);
  assert.equal(types.slice(0, 4), ['LOAD:R', 'LOAD:RE', 'LOAD:R', 'LOAD:RW']);
  assert.ok(types.includes('TLS:R'));
  assert.ok(types.includes('GNU_RELRO:R'));
  // relro ends on a page boundary
  const relro = /GNU_RELRO\s+\S+\s+(0x[0-9a-f]+)\s+\S+\s+\S+\s+(0x[0-9a-f]+)/.exec(ph)!;
  assert.is((Number(relro[1]) + Number(relro[2])) % 4096, 0);
});

test('.symtab: defined symbols with GNU ld\'s binding, visibility, type, value and section', () => {
  // linker-made hidden symbols (_GLOBAL_OFFSET_TABLE_, __ehdr_start, PROVIDE_HIDDEN) are local with
  // default visibility after an empty STT_FILE; objects' hidden symbols stay global/weak and hidden;
  // symbols of removed empty sections (__TMC_END__, __preinit_array_*) name a nearby section.
  // Not compared: undefined weak symbols (GNU ld lists some of them only).
  const rows = (exe: string): string[] => sh('readelf', ['-sW', exe]).split('\n')
    .map((l) => l.trim().split(/\s+/)).filter((f) => f.length >= 8 && /^\d+:$/.test(f[0]) && f[6] !== 'UND')
    .map((f) => `${f[7]} ${f[4]} ${f[5]} ${f[3]} ${f[1]} ${f[6]}`).sort();
  const gnu = rows(path.join(dir, 'tls-O2.gnu'));
  const mine = rows(path.join(dir, 'tls-O2.cc'));
  assert.equal(mine, gnu);
  assert.ok(mine.some((r) => r.startsWith('_GLOBAL_OFFSET_TABLE_ LOCAL DEFAULT OBJECT ')));
  assert.ok(mine.some((r) => / GLOBAL HIDDEN FUNC /.test(r)));
});

test('undefined reference: located error, exit 1, no output file', () => {
  const c = path.join(dir, 'undef.c');
  fs.writeFileSync(c, 'extern int nowhere(void); int main(void) { return nowhere(); }');
  const o = path.join(dir, 'undef.o');
  sh('gcc', ['-c', '-O2', '-o', o, c]);
  const out = path.join(dir, 'undef.exe');
  const r = ccLd(gccStaticArgs([o], out));
  assert.is(r.code, 1);
  assert.match(r.err, /undef\.o:\(\.text\.startup\+0x[0-9a-f]+\): undefined reference to `nowhere'/);
  assert.not.ok(fs.existsSync(out));
});

test('multiple definition is reported like GNU ld', () => {
  const a = path.join(dir, 'm1.c');
  const b = path.join(dir, 'm2.c');
  fs.writeFileSync(a, 'int dup = 1; int main(void) { return dup; }');
  fs.writeFileSync(b, 'int dup = 2;');
  sh('gcc', ['-c', '-o', a + '.o', a]);
  sh('gcc', ['-c', '-o', b + '.o', b]);
  const r = ccLd(gccStaticArgs([a + '.o', b + '.o'], path.join(dir, 'm.exe')));
  assert.is(r.code, 1);
  assert.match(r.err, /multiple definition of `dup'/);
});

test.run();
