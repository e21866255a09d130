// Linux kernel linker scripts (fixtures saved from Debian's linux-source-6.1, see the first line of each):
// cc-ts ld must parse them and lay out a synthetic set of input sections exactly as GNU ld does
// (nm, and readelf -SW/-lW for allocated sections).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ccLd, have, requireTools, sh, tmpdir } from './util';

requireTools('as', 'ld', 'nm', 'readelf');
const SRC = path.join(__dirname, '..', '..', '..', 'tests', 'link', 'fixtures');
const fx = fs.existsSync(SRC) ? SRC : path.join(process.cwd(), 'tests', 'link', 'fixtures');
const dir = tmpdir('kernel');

const layout = (f: string): string[] => sh('readelf', ['-SW', f]).split('\n')
  .filter((l) => /^\s+\[\s*\d+\]/.test(l) && !/\.(sym|str|shstr)tab/.test(l)).map((l) => l.replace(/^(.{0,50}\S+\s+)\S+/, '$1'));

test('arch/x86/boot/setup.ld (i386): same layout as GNU ld', () => {
  const obj = path.join(dir, 'setup-in.o');
  sh('as', ['--32', '-o', obj, path.join(fx, 'kernel-setup-in.s')]);
  const script = path.join(fx, 'kernel-x86-boot-setup.ld');
  const g = path.join(dir, 'g.elf');
  const c = path.join(dir, 'c.elf');
  const gr = spawnSync('ld', ['-m', 'elf_i386', '-T', script, '-o', g, obj], { encoding: 'utf8' });
  assert.is(gr.status, 0, gr.stderr);
  const r = ccLd(['-m', 'elf_i386', '-T', script, '-o', c, obj]);
  assert.is(r.code, 0, r.err);
  assert.is(sh('nm', [c]), sh('nm', [g]));
  assert.equal(layout(c), layout(g));
});

// vmlinux.lds for x86-64, arm64 and riscv64 (preprocessed fixtures, see their first line), laid out on a
// synthetic object holding the input sections and the symbols the scripts' ASSERTs and aliases need.
interface Kern { name: string; as: string[]; ld: string; emul: string; script: string; input: string }
const KERNELS: Kern[] = [
  { name: 'x86_64', as: ['as', '--64'], ld: 'ld', emul: 'elf_x86_64', script: 'kernel-x86-vmlinux.lds', input: 'kernel-x86-vmlinux-in.s' },
  { name: 'arm64', as: ['aarch64-linux-gnu-as'], ld: 'aarch64-linux-gnu-ld', emul: 'aarch64linux', script: 'kernel-arm64-vmlinux.lds', input: 'kernel-arm64-vmlinux-in.s' },
  { name: 'riscv64', as: ['riscv64-linux-gnu-as'], ld: 'riscv64-linux-gnu-ld', emul: 'elf64lriscv', script: 'kernel-riscv-vmlinux.lds', input: 'kernel-riscv-vmlinux-in.s' },
];

/** Link `k` with GNU ld and cc-ts ld; both must succeed. */
function linkKernel(k: Kern): { g: string; c: string } {
  for (const t of [k.as[0], k.ld]) if (!have(t)) throw new Error(`this test needs ${t} (binutils for ${k.name}) on PATH`);
  const obj = path.join(dir, `${k.name}-in.o`);
  sh(k.as[0], [...k.as.slice(1), '-o', obj, path.join(fx, k.input)]);
  const script = path.join(fx, k.script);
  const g = path.join(dir, `${k.name}-g.elf`);
  const c = path.join(dir, `${k.name}-c.elf`);
  const gr = spawnSync(k.ld, ['-T', script, '-o', g, obj], { encoding: 'utf8' });
  assert.is(gr.status, 0, gr.stderr);
  const r = ccLd(['-m', k.emul, '-T', script, '-o', c, obj]);
  assert.is(r.code, 0, r.err);
  return { g, c };
}

const nmAddr = (f: string): string[] => sh('nm', [f]).split('\n').map((l) => l.replace(/^(\S+) \S /, '$1 '));
/** Name, address and size of each allocated section. */
const secAddr = (f: string): string[] => sh('readelf', ['-SW', f]).split('\n')
  .filter((l) => /^\s+\[\s*\d+\]/.test(l) && !/\.(sym|str|shstr)tab/.test(l))
  .map((l) => { const m = /\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)/.exec(l); return m ? `${m[1]} ${m[2]} ${m[3]}` : l; });
const segments = (f: string): string[] => sh('readelf', ['-lW', f]).split('\n').filter((l) => /^\s+(LOAD|NOTE)|^Entry/.test(l));

/**
 * Known differences from GNU ld, one per check (a listed check must still fail; when it passes, the
 * test fails until the entry is removed):
 */
const XFAIL: Record<string, string> = {
  'arm64 addresses': 'a `. += f(_end)` reservation before _end is defined comes out 0x2000 smaller (from .init.data on)',
  'x86_64 exact': 'empty/assignment-only output sections get PROGBITS/WA instead of NOBITS/W; nm letters of symbols assigned outside sections (absolute vs section-relative rule)',
  'arm64 exact': 'as x86_64, plus aarch64 max-page-size 0x10000 (GNU) vs 0x1000: different LOAD segments',
  'riscv64 exact': 'as x86_64, plus GNU ld aligns the first LOAD at 0x200000',
};

/** Both linkers must lay the script out (always checked); then `compare` must hold unless listed. */
function check(k: Kern, key: string, name: string, compare: (g: string, c: string) => void): void {
  const why = XFAIL[key];
  test(why === undefined ? name : `${name} [expected failure: ${why}]`, () => {
    const { g, c } = linkKernel(k);
    if (why === undefined) { compare(g, c); return; }
    let passed = true;
    try { compare(g, c); } catch { passed = false; }
    assert.ok(!passed, `${name} now passes: remove '${key}' from XFAIL`);
  });
}

for (const k of KERNELS) {
  check(k, `${k.name} addresses`, `${k.script}: parses, lays out; same symbol and section addresses as GNU ld`, (g, c) => {
    assert.equal(nmAddr(c), nmAddr(g));
    assert.equal(secAddr(c), secAddr(g));
  });
  check(k, `${k.name} exact`, `${k.script}: same nm symbol types, section types/flags and program headers as GNU ld`, (g, c) => {
    assert.is(sh('nm', [c]), sh('nm', [g]));
    assert.equal(layout(c), layout(g));
    assert.equal(segments(c), segments(g));
  });
}

test.run();
