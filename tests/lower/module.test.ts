// What the interpreter cannot show: the module-level results of the lowering (symbol attributes,
// constructor lists, aliases, TLS, inline asm operands, returns_twice, ABI types, per-target float types).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { lowerFile } from './util';
import { printModule } from '../../src/ir/print';
import { parseModule } from '../../src/ir/parse';
import { verifyModule } from '../../src/ir/verify';
import { Module } from '../../src/ir/module';
import { Arch } from '../../targets/layout';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-lowerm-'));
let k = 0;
function lower(src: string, arch: Arch = 'x86_64'): { m: Module; text: string } {
  const f = path.join(TMP, `t${k++}.c`);
  fs.writeFileSync(f, src);
  const m = lowerFile(f, arch);
  assert.equal(verifyModule(m), []);
  return { m, text: printModule(m) };
}

test('constructor and destructor lists with priorities', () => {
  const { m } = lower(`__attribute__((constructor(101))) void a(void) {} __attribute__((constructor)) static void b(void) {}
    __attribute__((destructor(300))) void c(void) {}`);
  assert.equal(m.ctors, [{ priority: 101, sym: 'a' }, { priority: 65535, sym: 'b' }]);
  assert.equal(m.dtors, [{ priority: 300, sym: 'c' }]);
});

test('aliases, weak, visibility, sections, alignment', () => {
  const { m } = lower(`int f(void) { return 1; } int g(void) __attribute__((alias("f")));
    __attribute__((weak)) int w = 3; __attribute__((visibility("hidden"))) int h;
    __attribute__((section(".mysec"), aligned(32))) int s = 1; static int st = 2; int *use = &st;
    extern int ext __attribute__((weak)); int *pe = &ext;
    __attribute__((weak)) void wf(void) {} __attribute__((section(".text.hot"))) void hot(void) {}`);
  assert.equal(m.aliases, [{ name: 'g', target: 'f' }]);
  const d = (n: string) => m.data.find((x) => x.name === n)!;
  assert.is(d('w').linkage, 'weak');
  assert.is(d('h').visibility, 'hidden');
  assert.is(d('h').init, null);
  assert.is(d('s').section, '.mysec');
  assert.is(d('s').align, 32);
  assert.is(d('st').linkage, 'internal');
  assert.equal(d('use').relocs, [{ off: 0, size: 8, sym: 'st', addend: 0 }]);
  assert.ok(m.externs.some((e) => e.name === 'ext' && e.weak));
  assert.is(m.findFunc('wf')!.linkage, 'weak');
  assert.is(m.findFunc('hot')!.section, '.text.hot');
});

test('__thread variables are reached through tlsaddr', () => {
  const { m, text } = lower(`__thread int t = 4; int get(void) { return t; }`);
  assert.ok(m.data.find((x) => x.name === 't')!.tls);
  assert.match(text, /tlsaddr \$t/);
});

test('inline asm: template, constraints, operands, clobbers, goto', () => {
  const { text } = lower(`int f(int x) { int y; asm volatile("add %[in], %0" : "=r"(y) : [in] "r"(x), "m"(x) : "cc", "memory"); return y; }
    int g(int x) { asm goto("jmp %l1" : : "r"(x) : : out); return 0; out: return 1; }`);
  assert.match(text, /asm "add %1, %0" "=\*r:i32,r,\*m,~\{cc\},~\{memory\}"/);
  assert.match(text, /=i32 asm "jmp %l1" "r,!l"/);
});

test('setjmp calls are returns_twice', () => {
  const { m } = lower(`typedef long jmp_buf[8]; int setjmp(jmp_buf); void f(void); int g(void) { jmp_buf b; if (setjmp(b)) return 1; f(); return 0; }`);
  assert.ok(m.sigs.some((s) => (s.flags & 1) !== 0));
});

test('struct arguments carry flattened leaves; sret for struct returns', () => {
  const { m, text } = lower(`struct S { long a; double d; int arr[2]; }; struct S f(struct S s) { s.a++; return s; }
    union U { int i; float f; }; int g(union U u) { return u.i; }`);
  const st = m.abiTypes.find((a) => a.kind === 'struct' && a.size === 24)!;
  assert.equal(st.fields, [{ ty: 4, off: 0 }, { ty: 8, off: 8 }, { ty: 3, off: 16 }, { ty: 3, off: 20 }]);
  const un = m.abiTypes.find((a) => a.kind === 'struct' && a.size === 4)!;
  assert.equal(un.fields, [{ ty: 3, off: 0 }, { ty: 7, off: 0 }]);
  assert.match(text, /func \$f\(:\w+ %\w+\) -> :\w+/);
});

test('long double is f80 on x86-64 and f128 on aarch64 and riscv64', () => {
  const src = 'long double f(long double x) { return x * 2; }';
  assert.match(lower(src).text, /fmul f80|=f80 fmul/);
  assert.match(lower(src, 'aarch64').text, /=f128 fmul/);
  assert.match(lower(src, 'riscv64').text, /=f128 fmul/);
});

test('VLAs use dalloca with stacksave/stackrestore around their scope', () => {
  const { text } = lower(`int f(int n) { int s = 0; for (int i = 0; i < n; i++) { int a[n]; a[0] = i; s += a[0]; } return s; }`);
  assert.match(text, /stacksave/);
  assert.match(text, /dalloca/);
  assert.match(text, /stackrestore/);
});

test('a nested function using its parent\'s locals takes a static chain; trampolines are x86-64 only', () => {
  const f = path.join(TMP, 'nested.c');
  fs.writeFileSync(f, 'int f(int x) { int g(void) { return x; } return g(); }');
  const m = lowerFile(f);
  const g = m.funcs.find((fn) => fn.name.startsWith('g.'))!;
  assert.ok(g, 'the nested function gets a local name g.N');
  assert.ok(m.sigs[g.sig].flags & 4, 'its signature has the static chain flag');
  assert.is(m.sigs[g.sig].params.length, 1, 'the chain is its one parameter');
  const h = path.join(TMP, 'tramp.c');
  fs.writeFileSync(h, 'int f(int x) { int g(void) { return x; } int (*p)(void) = g; return p(); }');
  assert.throws(() => lowerFile(h, 'aarch64'), /trampolines are implemented for x86-64 only/);
});

test('label differences in a static initialiser are one data item naming two blocks, kept through the text form', () => {
  const { m, text } = lower(`int f(int x) { static int t[] = { &&b - &&a, 0 }; static long w = &&a - &&b + 3;
    goto *(&&a + t[x]); a: x++; b: return x; }`);
  const t = m.data.find((d) => d.name.startsWith('t.'))!;
  assert.equal(t.relocs, [{ off: 0, size: 4, sym: 'f', addend: 0, block: 'b.0', minusBlock: 'a.1' }]);
  assert.match(text, /a4 &\$f@b\.0-@a\.1/);
  assert.match(text, /a8 &\$f@a\.1-@b\.0\+3/);
  assert.is(printModule(parseModule(text)), text);
});

test.after(() => fs.rmSync(TMP, { recursive: true, force: true }));
test.run();
